package plandoc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The rows of a table pasted one cell per line (see cell_header.go) are
// found by their numbers in the 序号 column: a bare number alone on a line,
// followed by the task's text. Between rows stand lines that are no cells
// of the row before:
//   - a group row merged across the table (一、产业发展类, 行动二：…, 三、科技金融
//     方面（共5项）) groups the rows below it and is not a task;
//   - a chapter row of an assessment sheet (考核细则): its label alone in the
//     序号 column (一、), its heading, its subtotal; the rows below it are
//     numbered under it (["一","1"]), and a chapter with no rows is a task;
//   - an editor's note that rows were left out (（部分内容删减）).
// Row numbers may skip (rows left out of an excerpt) and restart under a
// chapter or group row (the group's label then enters the path, see
// cell_groups.go); a number is taken as the next row only where the row before can
// end there, so a weight or a count alone on a line is not a row.

// cellRow is one row of the table: its number and the lines of its cells
// after the number, in order.
type cellRow struct {
	chapter string // the label of the chapter row above it, "" when none
	seq     string
	cells   []string
	group   int // rows under one group row share a number here
	// groupLabel is the label of the group row above (一, 行动二), "" when
	// none; it enters the path where numbering restarts (cell_groups.go).
	groupLabel string
	weighed    bool // a weight stands among the cells
	closed     bool // (a table without 序号) the row reached its unit or time cell
}

// cellChapter is a chapter row of an assessment sheet.
type cellChapter struct {
	label, heading string
	weight         *float64
	cells          []string
	rows           int
	group          int
}

// cellTable is what the reader found: rows and chapters in document order.
type cellTable struct {
	header   cellHeader
	rows     []*cellRow
	chapters []*cellChapter
	order    []any // *cellRow and *cellChapter as they appear
	// end is the index of the text after the table: another table's
	// header, or a chapter heading (三、保障措施) that no row follows with
	// numbered prose after it, ends the table; otherwise it runs to the end.
	end int
}

// maxRowGap bounds a skip in row numbering where nothing marks it.
const maxRowGap = 20

var (
	groupLabelRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、．.]|第[一二三四五六七八九十]+(?:部分|类|篇|方面)|\p{Han}{1,4}[一二三四五六七八九十]+\s*[：:])`)
	// parenGroupRe is a group row labelled （一）; the label also numbers
	// sub-items inside cells, so it groups only right before a row.
	parenGroupRe = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]`)
	omissionRe   = regexp.MustCompile(`^[（(【\[].{0,12}(?:删减|删节|省略|略)[^）)】\]]{0,6}[）)】\]]$`)
)

// chapterAlone reports a chapter label alone on its line (一、), the 序号
// cell of a chapter row.
func chapterAlone(s string) (string, bool) {
	kind, label, n := matchLabel(s)
	if kind != kindCN || n != len(s) {
		return "", false
	}
	return label, true
}

// groupLine reports a group row merged across the table: a chapter label,
// 行动一：/第一部分, or a 类/方面 heading with a count, followed by a short
// heading without sentence punctuation.
func groupLine(s string) bool {
	f := fold(s)
	if _, ok := chapterAlone(s); ok {
		return false
	}
	m := groupLabelRe.FindStringIndex(f)
	if m == nil {
		return false
	}
	rest := f[m[1]:]
	return rest != "" && utf8.RuneCountInString(rest) <= 40 && !strings.ContainsAny(rest, "。；;，,")
}

// parenGroup reports a group row labelled （一） at texts[i]: a short
// heading that a row number follows (after the next row's category cell,
// in a table with a category column).
func parenGroup(h cellHeader, texts []string, i int) bool {
	f := fold(texts[i])
	m := parenGroupRe.FindStringIndex(f)
	if m == nil || m[1] == len(f) || utf8.RuneCountInString(f[m[1]:]) > 40 || strings.ContainsAny(f[m[1]:], "。；;，,") {
		return false
	}
	next := i + 1
	if h.has(roleCategory) && next+1 < len(texts) && !isBareNumber(texts[next]) {
		next++
	}
	_, ok := rowNumber(h, texts, next)
	return ok
}

// readCellTable reads the rows that follow a header at texts[from:].
func readCellTable(h cellHeader, texts []string, from int) cellTable {
	t := cellTable{header: h}
	var row *cellRow
	var chap *cellChapter
	last, restart, group, lastGroup := -1, true, 0, -1
	label := "" // the label of the group row above
	closeRow := func() {
		if row != nil {
			t.rows = append(t.rows, row)
			t.order = append(t.order, row)
			if chap != nil {
				chap.rows++
			}
			row = nil
		}
	}
	t.end = len(texts)
	for i := from; i < len(texts); i++ {
		s := texts[i]
		switch {
		case h.newHeaderAt(texts, i):
			closeRow()
			t.end = i
			t.labelRestarts()
			return t
		case h.repeatsAt(texts, i):
			closeRow()
			i += len(h.names) - 1
			continue
		case omissionRe.MatchString(fold(s)):
			closeRow()
			restart = true
			continue
		}
		if l, heading, w, ok := chapterLine(s); ok {
			closeRow()
			group++
			chap = &cellChapter{label: l, heading: heading, weight: &w, group: group}
			t.chapters = append(t.chapters, chap)
			t.order = append(t.order, chap)
			restart, label = true, ""
			continue
		}
		if label, ok := chapterAlone(s); ok && i+1 < len(texts) {
			closeRow()
			group++
			chap = &cellChapter{label: label, group: group}
			if !isBareNumber(texts[i+1]) {
				chap.heading = texts[i+1] // else the chapter's heading cell is empty
				i++
			}
			if w, ok := weightCell(texts, i+1); ok && h.has(roleWeight) {
				chap.weight = &w
				i++
			}
			t.chapters = append(t.chapters, chap)
			t.order = append(t.order, chap)
			restart = true
			continue
		}
		if groupLine(s) || parenGroup(h, texts, i) {
			closeRow()
			group++
			restart = true
			lastGroup = i
			label = groupLabel(s)
			continue
		}
		if n, rest, ok := labelledRow(h, s); ok && (last < 0 || n == last+1 || restart && n == 1) {
			closeRow()
			row, lastGroup = &cellRow{seq: strconv.Itoa(n), group: group, groupLabel: label, cells: []string{rest}}, -1
			if chap != nil {
				row.chapter = chap.label
			}
			last, restart = n, false
			continue
		}
		if n, ok := rowNumber(h, texts, i); ok && !(row != nil && row.wantsWeight(h)) && !row.figureCell(h, texts[i+1]) &&
			rowFollows(h, row, last, n, restart) {
			closeRow()
			row, lastGroup = &cellRow{seq: strconv.Itoa(n), group: group, groupLabel: label}, -1
			if chap != nil {
				row.chapter = chap.label
			}
			last, restart = n, false
			continue
		}
		switch {
		case row != nil:
			row.cells = append(row.cells, s)
			if _, ok := weightValue(s); ok {
				row.weighed = true
			}
		case chap != nil:
			chap.cells = append(chap.cells, s)
		}
	}
	closeRow()
	if lastGroup >= 0 && labelledAfter(texts[lastGroup+1:]) {
		t.end = lastGroup
	}
	t.labelRestarts()
	return t
}

// labelledAfter reports numbered prose: a line with a numbering label.
func labelledAfter(texts []string) bool {
	for _, s := range texts {
		if _, _, n := matchLabel(s); n > 0 && n < len(s) {
			return true
		}
	}
	return false
}

// rowNumber reads a bare number at texts[i] that a task's text follows
// (after the weight, when the 分值 column comes before the task's).
func rowNumber(h cellHeader, texts []string, i int) (int, bool) {
	s := strings.TrimRight(texts[i], ".．、")
	if !isBareNumber(s) || utf8.RuneCountInString(s) > 4 || i+1 >= len(texts) {
		return 0, false
	}
	next := texts[i+1]
	if _, ok := weightValue(next); ok && h.has(roleWeight) && h.index(roleWeight) < h.index(roleTask) && i+2 < len(texts) {
		next = texts[i+2]
	}
	if isBareNumber(next) || groupLine(next) || omissionRe.MatchString(fold(next)) {
		return 0, false
	}
	if _, ok := chapterAlone(next); ok {
		return 0, false
	}
	n, err := strconv.Atoi(asciiDigits(s))
	return n, err == nil
}

// rowFollows decides whether number n starts the next row after the row
// numbered last. The next number always does, and a new chapter or group
// may start again at 1. A skip (rows left out) does after a group row,
// chapter or omission note, or where the row before has reached its unit
// cell; in a table with no unit column, a skip of up to maxRowGap does.
func rowFollows(h cellHeader, row *cellRow, last, n int, restart bool) bool {
	switch {
	case last < 0 || n == last+1:
		return true
	case restart && n == 1:
		return true
	case n <= last:
		return false
	case restart:
		return true
	case !h.has(roleUnit):
		return n <= last+maxRowGap
	}
	return row != nil && len(row.cells) > 1 && unitLine(row.cells[len(row.cells)-1])
}

// wantsWeight reports a row of a table with a 分值 column that has not yet
// had its weight: a bare number there is the weight, not the next row.
func (r *cellRow) wantsWeight(h cellHeader) bool {
	return h.has(roleWeight) && len(r.cells) > 0 && !r.weighed
}

// weightCell reads a weight alone on texts[i] (8, 8分).
func weightCell(texts []string, i int) (float64, bool) {
	if i >= len(texts) {
		return 0, false
	}
	return weightValue(texts[i])
}

var weightCellRe = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*分?$`)

func weightValue(s string) (float64, bool) {
	m := weightCellRe.FindStringSubmatch(asciiDigits(fold(trimSpace(s))))
	if m == nil {
		return 0, false
	}
	w, err := strconv.ParseFloat(m[1], 64)
	return w, err == nil
}

// labelledRow reads a row that starts with its number in front of the
// task's text (1.建成…), in a table whose rows are written so. Only the
// next number is taken (see readCellTable): sub-items inside cells are
// numbered 1. 2. too.
func labelledRow(h cellHeader, s string) (int, string, bool) {
	if !h.labelledRows {
		return 0, "", false
	}
	kind, label, n := matchLabel(s)
	if kind != kindNum || n == len(s) {
		return 0, "", false
	}
	v, err := strconv.Atoi(label)
	return v, s[n:], err == nil
}

// hasNumberRows reports whether any bare row number follows the header.
func hasNumberRows(h cellHeader, texts []string, from int) bool {
	for i := from; i < len(texts); i++ {
		if _, ok := rowNumber(h, texts, i); ok {
			return true
		}
	}
	return false
}
