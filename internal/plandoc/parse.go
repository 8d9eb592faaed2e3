package plandoc

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/docread"
)

// MaxTextBytes bounds the text of a document that is parsed as a plan.
// The longest real plans hold a few hundred kilobytes of text; anything
// near this size is something else, and refusing it keeps a hostile file
// (a 50 MB single line) from holding the importer for many seconds.
const MaxTextBytes = 8 << 20

// ErrTooLong marks a document whose text is too long to be a plan.
var ErrTooLong = errors.New("plandoc: text too long for a plan")

// ParseFile reads a plan document from disk and parses it.
func ParseFile(path string) (*Plan, error) {
	doc, err := docread.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseDoc(doc)
}

// ParseDoc parses a document after checking that it is of a plan's size.
func ParseDoc(doc *docread.Doc) (*Plan, error) {
	size := 0
	for _, b := range doc.Blocks {
		size += len(b.Text)
		for _, r := range b.Table {
			for _, c := range r {
				size += len(c)
			}
		}
	}
	if size > MaxTextBytes {
		return nil, fmt.Errorf("%s: 文本超过 %d MB，不像一份方案 (the text is %d MB, more than a plan holds): %w",
			doc.Name, MaxTextBytes>>20, size>>20, ErrTooLong)
	}
	return Parse(doc), nil
}

// Parse extracts the plan from a document's blocks.
func Parse(doc *docread.Doc) *Plan {
	lines := joinContinuations(linesOf(doc))
	m := readMeta(lines)
	body, annexes := splitAnnexes(lines[m.bodyStart:])
	year := m.Year
	if year == 0 {
		year = firstYear(lines)
	}
	p := &Plan{Title: m.Title, DocNumber: m.DocNumber, Issuer: m.Issuer, IssuedOn: m.IssuedOn, Year: year}

	body = expandLayoutTables(body, year)
	if flat, ok := flatTasks(body, year); ok {
		p.Tasks = flat
	} else {
		p.Tasks = leafTasks(outline(body), year)
	}
	for _, l := range body {
		if l.table != nil {
			if ts, ok := tableTasks(l.table, nil, year); ok {
				p.Tasks = append(p.Tasks, ts...)
			}
		}
	}
	n := 0
	for _, a := range annexes {
		for _, l := range a {
			if l.table == nil {
				continue
			}
			prefix := "附件"
			if n > 0 {
				prefix += strconv.Itoa(n + 1) // a second annex table: 附件2
			}
			if ts, ok := tableTasks(l.table, []string{prefix}, year); ok {
				p.Tasks = append(p.Tasks, ts...)
				n++
			}
		}
	}
	if p.Tasks == nil {
		p.Tasks = []Task{}
	}
	p.Warnings = append(coverageWarnings(doc, p.Tasks), CheckTasks(p.Tasks)...)
	return p
}

var (
	annexLine = regexp.MustCompile(`^附\s*件\s*(?:[0-9０-９一二三四五六七八九十]+)?\s*(?:[：:]|$|[0-9０-９]+[.．、])`)
	endMarker = regexp.MustCompile(`^(?:抄送|抄报|主题词|印发|【返回顶部】|【打印本页】|【关闭窗口】|本文链接|扫描二维码|责任编辑|分享到|相关链接|上一篇|下一篇|\[附件下载\]|' style=)`)
)

// splitAnnexes cuts the body at the first annex line (附件：…) or at the
// page furniture that follows a document; each annex is returned apart.
func splitAnnexes(lines []line) (body []line, annexes [][]line) {
	cut := len(lines)
	for i, l := range lines {
		if l.table == nil && (annexLine.MatchString(l.f) || endMarker.MatchString(l.f)) {
			cut = i
			break
		}
	}
	body = lines[:cut]
	var cur []line
	for _, l := range lines[cut:] {
		if l.table == nil && annexLine.MatchString(l.f) && len(cur) > 0 {
			annexes = append(annexes, cur)
			cur = nil
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		annexes = append(annexes, cur)
	}
	return body, annexes
}

// expandLayoutTables replaces tables that are not task tables (a page laid
// out in a table) by their cells' text as lines, so that their numbered
// paragraphs are read like any others.
func expandLayoutTables(body []line, year int) []line {
	var out []line
	for _, l := range body {
		if l.table == nil {
			out = append(out, l)
			continue
		}
		if _, _, ok := findHeader(l.table); ok {
			out = append(out, l)
			continue
		}
		prev := ""
		for _, row := range l.table {
			for _, c := range row {
				if c == prev || c == "" {
					continue
				}
				prev = c
				for _, p := range strings.Split(c, "\n") {
					out = append(out, newLine(p))
				}
			}
		}
	}
	return out
}

var yearWord = regexp.MustCompile(`((?:19|20)[0-9]{2})年`)

// firstYear is the first year a dateless plan names (2016年年初 → 2016).
func firstYear(lines []line) int {
	for _, l := range lines {
		if m := yearWord.FindStringSubmatch(maskQuoted(l.f)); m != nil {
			return atoi(m[1])
		}
	}
	return 0
}
