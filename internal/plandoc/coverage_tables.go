package plandoc

import (
	"regexp"
	"strings"
	"unicode"
)

// Tables, real or written as text one cell per line, found on the lines of
// docread.Text by their header cells.

// taskTableSpans returns the rows of each real table that has a header of
// task-table cells (序号, 任务, 责任单位…) in its first rows. Other tables —
// a page laid out in a table, the 抄送 block of a printed document — are
// read line by line like paragraphs.
func taskTableSpans(lines []srcLine) []lineSpan {
	var out []lineSpan
	for _, t := range tableSpans(lines) {
		for _, l := range lines[t.from:min(t.to, t.from+maxHeaderRows)] {
			if isHeaderRow(l.cells) {
				out = append(out, t)
				break
			}
		}
	}
	return out
}

// maxHeaderRows is how far down a title merged over the first rows can
// push a table's header.
const maxHeaderRows = 5

func isHeaderRow(cells []string) bool {
	named := 0
	for j, v := range cells {
		if (j == 0 || v != cells[j-1]) && isHeaderCell(v) && namedCell(v) {
			named++
		}
	}
	return named >= 2
}

// tableSpans returns the rows of each real table block.
func tableSpans(lines []srcLine) []lineSpan {
	var out []lineSpan
	for i := 0; i < len(lines); {
		if lines[i].table == 0 {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].table == lines[i].table {
			j++
		}
		out = append(out, lineSpan{i, j})
		i = j
	}
	return out
}

// Header cells of a task table, in two groups: what the row is (its
// number, its task) and who does it by when (units, deadlines, scores). A
// task table's header names one of each; a heading or a labelled line
// (责任单位：…) does not look like a run of such cells.
var (
	rowHeaderWords  = []string{"序号", "编号", "任务", "举措", "措施", "内容", "事项", "项目", "指标", "路径"}
	roleHeaderWords = []string{"单位", "部门", "处室", "牵头", "配合", "责任", "时限", "时间", "期限", "分值", "权重", "进度", "成果", "领导"}
	cellBreak       = regexp.MustCompile(`\t|\s{2,}|\x{3000}|,`)
	labelStart      = regexp.MustCompile(`^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+\s*[、.．])`)
)

// A header cell is a few characters (责任单位, 完成时限); a header written
// on one line has a few such cells; a header has no more than a score of
// columns. These bounds keep the search for headers linear and cheap.
const (
	maxHeaderCellChars = 12
	maxHeaderCellBytes = 64
	maxHeaderLineBytes = 400
	maxHeaderCells     = 24
)

// spaceless folds s and drops its spaces: 内    容 is 内容.
func spaceless(s string) string { return strings.Join(strings.Fields(foldFast(s)), "") }

// isHeaderCell reports whether s can be a header cell: a few characters,
// spaces aside, with no sentence punctuation and no numbering label.
func isHeaderCell(s string) bool {
	if s == "" || len(s) > maxHeaderCellBytes {
		return false
	}
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case strings.ContainsRune("：:。；;，,", r):
			return false
		default:
			n++
		}
	}
	return n > 0 && n <= maxHeaderCellChars && !labelStart.MatchString(strings.TrimSpace(s))
}

// namedHeader reports whether a header cell names what the row is, or
// who does it by when.
func namedHeader(cell string) (row, role bool) {
	f := spaceless(cell)
	return hasAnyWord(f, rowHeaderWords), hasAnyWord(f, roleHeaderWords)
}

func namedCell(cell string) bool {
	row, role := namedHeader(cell)
	return row || role
}

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// headerEnd returns the index after a table header that starts at line i
// — one cell per line (blank lines between them allowed), or one line of
// cells split by tabs, commas or wide spaces — or -1 when none starts there.
func headerEnd(lines []srcLine, i int) int {
	l := lines[i]
	if l.cells != nil || l.text == "" {
		return -1
	}
	var cells []string
	j := i
	if isHeaderCell(l.text) && namedCell(l.text) {
		for j < len(lines) && len(cells) < maxHeaderCells && lines[j].cells == nil && (lines[j].text == "" || isHeaderCell(lines[j].text)) && !isAnnexHeading(lines[j].f) {
			if lines[j].text != "" {
				cells = append(cells, lines[j].text)
			}
			j++
		}
	}
	if len(cells) < 3 {
		if len(l.text) > maxHeaderLineBytes || strings.Contains(l.text, "。") ||
			!strings.ContainsAny(l.text, "\t,\u3000") && !strings.Contains(l.text, "  ") {
			return -1
		}
		cells, j = cellBreak.Split(l.text, -1), i+1
		for _, c := range cells {
			if !isHeaderCell(c) {
				return -1
			}
		}
	}
	if len(cells) < 3 {
		return -1
	}
	rows, roles, named := 0, 0, 0
	for _, c := range cells {
		r, o := namedHeader(c)
		if r {
			rows++
		}
		if o {
			roles++
		}
		if r || o {
			named++
		}
	}
	if rows == 0 || roles == 0 || named < 2 {
		return -1
	}
	return j
}

// textTableSpans returns the tables written as text under a header of
// cells. A table runs past repeats of its header to the next annex, table
// or page furniture, or to where two long sentences in a row show that
// prose has resumed.
func textTableSpans(lines []srcLine) []lineSpan {
	var out []lineSpan
	for i := 0; i < len(lines); i++ {
		if lines[i].cells != nil {
			continue
		}
		j := headerEnd(lines, i)
		if j < 0 {
			continue
		}
		k := j
		for ; k < len(lines); k++ {
			l := lines[k]
			if l.text == lines[i].text {
				continue // the header repeated where a page breaks: the same table goes on
			}
			if l.cells != nil || isAnnexHeading(l.f) || isPageFurniture(l.f) ||
				headerEnd(lines, k) >= 0 || (prose(l.text) && k+1 < len(lines) && prose(lines[k+1].text)) {
				break
			}
		}
		out = append(out, lineSpan{i, k})
		i = k - 1
	}
	return out
}

// prose is a long sentence, as a paragraph has and a cell rarely does.
func prose(s string) bool {
	return normLen(s) >= proseChars && strings.HasSuffix(s, "。")
}
