package plandoc

import (
	"regexp"
	"strings"
)

// A task table often heads its unit column over two rows: 责任单位 merged
// across two columns in the first row, 牵头 and 配合 (or 牵头单位 and 配合
// 单位) under it in the second, the other header cells merged down both
// rows. The second row is then not a row of the table but the names of the
// unit column's parts: each part is its own unit column, a lead one when
// its name says 牵头, so the units of the two cells are not glued together.

// subHeader reports whether row, the row right under header, names the
// parts of merged header cells: it repeats every header cell that spans
// one column and differs from the header inside a span.
func subHeader(header, row []string, c columns) bool {
	if len(row) != len(header) {
		return false
	}
	split := false
	for j := range header {
		spans := j < len(c.spanEnd) && (c.spanEnd[j] > j+1 || (j > 0 && header[j-1] == header[j]))
		switch {
		case !spans && row[j] != header[j]:
			return false
		case spans && row[j] != header[j] && strings.TrimSpace(row[j]) != "":
			split = true
		}
	}
	return split
}

// splitUnitColumns replaces each unit column that spans several columns by
// one column per part named in sub, lead when the part's name says 牵头.
func splitUnitColumns(c columns, sub []string) columns {
	var units []unitColumn
	spanEnd := append([]int(nil), c.spanEnd...)
	for _, uc := range c.units {
		end := uc.at + 1
		if uc.at < len(spanEnd) {
			end = spanEnd[uc.at]
		}
		if end <= uc.at+1 {
			units = append(units, uc)
			continue
		}
		for j := uc.at; j < end && j < len(sub); j++ {
			h := strings.Join(strings.Fields(fold(sub[j])), "")
			units = append(units, unitColumn{at: j, lead: leadHeader.MatchString(h) && !coopHeader.MatchString(h)})
			spanEnd[j] = j + 1
		}
	}
	c.units, c.spanEnd = units, spanEnd
	return c
}

// A sheet or a Word table often holds two task tables one under the other
// (表一 projects, 表二 reforms), each with its own header row whose columns
// differ. restartedHeader reports whether row is such a header: it is not
// the current header, and on its own it names a task column and a 序号,
// unit or deadline column with no row number in it.
func restartedHeader(row []string, header string) (columns, bool) {
	if strings.Join(row, "|") == header {
		return columns{}, false
	}
	at, c, ok := findHeader([][]string{row})
	if !ok || at != 0 || c.seq < 0 {
		return columns{}, false
	}
	return c, true
}

// namedParts is the text under a header cell merged over columns i to
// end whose parts the second header row names (年度目标 over 2025年 and
// 2026年): each filled part after its name, "2025年：60%；2026年：75%", so
// the values are not glued together and each keeps what it is for.
func (c columns) namedParts(row []string, i, end int) string {
	var parts []string
	for j := i; j < end && j < len(row); j++ {
		v := row[j]
		if v == "" {
			continue
		}
		if name := trimSpace(c.sub[j]); name != "" && !strings.Contains(v, name) {
			v = name + "：" + v
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, "；")
}

// endPart names the part of a time column that holds the deadline
// (时间安排 over 开工时间 | 完工时间): a start date is no deadline.
var endPart = regexp.MustCompile(`完成|完工|竣工|结束|截止|办结|投用|建成`)

// deadlinePart narrows a deadline column merged over parts to the part
// whose name says the work ends then, when the second header row names one.
func deadlinePart(c columns, sub []string) columns {
	if c.deadline < 0 || c.deadline >= len(c.spanEnd) || c.spanEnd[c.deadline] <= c.deadline+1 {
		return c
	}
	for j := c.deadline; j < c.spanEnd[c.deadline] && j < len(sub); j++ {
		if endPart.MatchString(sub[j]) {
			spanEnd := append([]int(nil), c.spanEnd...)
			spanEnd[j] = j + 1
			c.deadline, c.spanEnd = j, spanEnd
			return c
		}
	}
	return c
}
