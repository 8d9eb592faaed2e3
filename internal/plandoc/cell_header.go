package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A table copied out of Word or a web page as plain text often arrives one
// cell per line, with no tab or other marker: the header's names first
// (序号, 重点任务, 责任单位, …), each on a line of its own, then each row's
// cells. The names say which column holds what, and offices put the
// columns in any order, with or without a 序号 column. This file reads the
// header; cell_table.go reads the rows.

// cellRole is what one column of such a table holds.
type cellRole int

const (
	roleOther     cellRole = iota // a column the importer does not read (推广范围, 备注)
	roleSeq                       // 序号
	roleTask                      // the task itself (重点任务, 改革举措, 考核项目)
	roleContent                   // more text of the task (主要内容, 考核指标, 评分标准)
	roleCategory                  // a grouping merged over several rows (任务类型)
	roleUnit                      // 责任单位, 牵头单位, 配合处室
	rolePerson                    // 责任领导, 责任人: people, not units
	roleDeadline                  // 完成时限
	roleWeight                    // 分值
	roleMilestone                 // 进度安排, 主要成果及出台时间
)

// cellColumn is one column of a header: its role and, for a unit column,
// whether it names the lead units.
type cellColumn struct {
	role cellRole
	lead bool
	name string
}

// cellHeader is the header of a table pasted one cell per line.
type cellHeader struct {
	cols []cellColumn
	// names are the header lines as written, to recognise the header when a
	// page break repeats it inside the table.
	names []string
	// labelledRows is set for a table whose rows carry their number in
	// front of the task's text (1.建成…) rather than alone on a line.
	labelledRows bool
}

var (
	// tableTitle ends (某区重点任务清单) or starts (表一) the title of a
	// table, which is no column name even when it names the task column's
	// content.
	tableTitle     = regexp.MustCompile(`(?:清单|一览表|分解表|汇总表|统计表|台账|台帐|方案|计划|细则|办法|要点)$|^(?:附)?表[一二三四五六七八九十]`)
	categoryHeader = regexp.MustCompile(`类型|类别|分类|领域|板块`)
	contentHeader  = regexp.MustCompile(`内容|说明|描述|标准|要求|措施|路径|指标|目标|细则|办法`)
)

// has reports whether the header has a column of role r.
func (h cellHeader) has(r cellRole) bool { return h.index(r) >= 0 }

// index is the place of the first column of role r, -1 when none.
func (h cellHeader) index(r cellRole) int {
	for i, c := range h.cols {
		if c.role == r {
			return i
		}
	}
	return -1
}

// unitColumns are the header's unit columns in order.
func (h cellHeader) unitColumns() []cellColumn {
	var out []cellColumn
	for _, c := range h.cols {
		if c.role == roleUnit {
			out = append(out, c)
		}
	}
	return out
}

// columnRole names the role of a header name; known is false for a name
// the importer has no role for.
func columnRole(name string) (c cellColumn, known bool) {
	h := strings.Join(strings.Fields(fold(name)), "")
	c = cellColumn{name: h}
	switch {
	case seqHeader.MatchString(h):
		c.role = roleSeq
	case categoryHeader.MatchString(h) && !unitHeader.MatchString(h):
		c.role = roleCategory
	case milestoneHeader.MatchString(h):
		c.role = roleMilestone
	case unitHeader.MatchString(h) && !personHeader.MatchString(h):
		c.role = roleUnit
		c.lead = leadHeader.MatchString(h) && !coopHeader.MatchString(h)
	case personHeader.MatchString(h):
		c.role = rolePerson
	case deadlineHeader.MatchString(h):
		c.role = roleDeadline
	case weightHeader.MatchString(h):
		c.role = roleWeight
	case taskRank(h) < len(taskHeaders):
		c.role = roleTask
	case contentHeader.MatchString(h):
		c.role = roleContent
	default:
		return c, false
	}
	return c, true
}

// headerish reports a line that can be a header name: short, with no
// digits, no sentence punctuation and no numbering label.
func headerish(s string) bool {
	if len(s) > 80 {
		return false
	}
	h := strings.Join(strings.Fields(s), "")
	n := utf8.RuneCountInString(h)
	if n < 1 || n > 12 || strings.ContainsAny(h, "。，,；;：:、？?！!0123456789０１２３４５６７８９") {
		return false
	}
	_, _, k := matchLabel(h)
	return k == 0 && !tableTitle.MatchString(fold(h))
}

// findCellHeader looks for a header from texts[from:]: a run of header
// names that includes the task column and at least one of 序号, a unit,
// deadline or weight column (a few short headings in prose never do). A
// name broken over two lines (责任 / 领导) is joined. It returns the header
// and the index of the first text after it.
func findCellHeader(texts []string, from int) (h cellHeader, at, end int, ok bool) {
	for i := from; i < len(texts); i++ {
		if !headerish(texts[i]) {
			continue // cheap: most lines are longer than a column name
		}
		if _, known := columnRole(texts[i]); !known {
			continue
		}
		h, end = headerRun(texts, i)
		if h.valid() {
			return h, i, end, true
		}
	}
	return cellHeader{}, 0, 0, false
}

// headerRun reads the run of header names that starts at texts[i].
func headerRun(texts []string, i int) (cellHeader, int) {
	var h cellHeader
	j := i
	for j < len(texts) && headerish(texts[j]) {
		c, known := columnRole(texts[j])
		// A name broken over two lines in a narrow cell (责任 / 领导) leaves
		// a short second half; a full name after a column of no role
		// (推广范围 / 承办部门) is a column of its own.
		if !known && j+1 < len(texts) && headerish(texts[j]+texts[j+1]) && utf8.RuneCountInString(trimSpace(texts[j+1])) <= 3 {
			if joined, ok := columnRole(texts[j] + texts[j+1]); ok {
				h.cols = append(h.cols, joined)
				h.names = append(h.names, texts[j], texts[j+1])
				j += 2
				continue
			}
		}
		// A table with no 序号 has no row number to end its header: a name
		// with no role right before a unit or time cell, or one longer than
		// column names run (完善农村文化设施) after a whole header, is the
		// first row's task cell.
		if !known && j+1 < len(texts) && (unitLine(texts[j+1]) || timeCell(texts[j+1])) && !columnName(texts[j+1]) {
			break
		}
		if !known && h.valid() && utf8.RuneCountInString(trimSpace(texts[j])) > 6 {
			break
		}
		h.cols = append(h.cols, c)
		h.names = append(h.names, texts[j])
		j++
	}
	// The best task name is the task; other task-like names are more text.
	best := -1
	for k, c := range h.cols {
		if c.role == roleTask && (best < 0 || taskRank(c.name) < taskRank(h.cols[best].name)) {
			best = k
		}
	}
	for k := range h.cols {
		if h.cols[k].role == roleTask && k != best {
			h.cols[k].role = roleContent
		}
	}
	return h, j
}

// columnName reports a line that names a column (承办部门 ends like a unit).
func columnName(s string) bool {
	_, known := columnRole(s)
	return known && headerish(s)
}

func (h cellHeader) valid() bool {
	return len(h.cols) >= 2 && h.has(roleTask) &&
		(h.has(roleSeq) || h.has(roleUnit) || h.has(roleDeadline) || h.has(roleWeight))
}

// repeatsAt reports whether the header's names stand again at texts[i:],
// as when a page break repeats the header inside the table.
func (h cellHeader) repeatsAt(texts []string, i int) bool {
	if len(h.names) == 0 || i+len(h.names) > len(texts) {
		return false
	}
	for k, n := range h.names {
		if fold(strings.Join(strings.Fields(texts[i+k]), "")) != fold(strings.Join(strings.Fields(n), "")) {
			return false
		}
	}
	return true
}

// headerAcross moves the start of the body back to a pasted table's header
// when the document's title was taken from its first names (a table
// pasted with no title above it: 序号 / 工作任务 / … read as one heading).
// It returns the new start and whether the title was made of header names.
func headerAcross(lines []line, bodyStart int) (int, bool) {
	first := bodyStart
	for first > 0 && bodyStart-first < 6 && lines[first-1].table == nil && (lines[first-1].text == "" || headerish(lines[first-1].text)) {
		first--
	}
	if first == bodyStart {
		return bodyStart, false
	}
	var texts []string
	var index []int
	for i := first; i < len(lines) && i < bodyStart+12 && lines[i].table == nil; i++ {
		if lines[i].text != "" {
			texts = append(texts, lines[i].text)
			index = append(index, i)
		}
	}
	_, at, end, ok := findCellHeader(texts, 0)
	if !ok || index[at] >= bodyStart || end == 0 || index[end-1] < bodyStart {
		return bodyStart, false
	}
	return index[at], true
}

// newHeaderAt reports another table's header at texts[i] (three names or
// more, not this table's own header repeated): the table ends there.
func (h cellHeader) newHeaderAt(texts []string, i int) bool {
	if !headerish(texts[i]) || h.repeatsAt(texts, i) {
		return false
	}
	if _, known := columnRole(texts[i]); !known {
		return false
	}
	next, _ := headerRun(texts, i)
	return len(next.cols) >= 3 && next.valid()
}
