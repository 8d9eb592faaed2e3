package plandoc

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/internal/docread"
)

// srcLine is one line of docread.Text(doc), the text the review screen
// shows beside the tasks: a paragraph line, or a table row.
type srcLine struct {
	no    int      // 1-based line number in docread.Text(doc)
	text  string   // trimmed; a row's distinct cells joined by spaces
	f     string   // fold(text) in a traditional-script document, else text (foldLines)
	cells []string // a table row's cells, nil for a paragraph line
	table int      // 1-based number of the table block a row is in, 0 for a paragraph line
}

// sourceLines lays the document out line by line exactly as docread.Text
// does, so that a line found here has the number the screen shows.
func sourceLines(doc *docread.Doc, reuse []srcLine) []srcLine {
	out := reuse[:0]
	no, tables := 0, 0
	for _, b := range doc.Blocks {
		if !b.IsTable() {
			for p := range strings.SplitSeq(b.Text, "\n") {
				no++
				t := trimSpace(p)
				out = append(out, srcLine{no: no, text: t, f: t})
			}
			continue
		}
		tables++
		for _, row := range b.Table {
			no++
			cells := cleanTable([][]string{row})[0]
			t := rowText(cells)
			out = append(out, srcLine{no: no, text: t, f: t, cells: cells, table: tables})
		}
	}
	return out
}

// sampleBytes is how much of a document's text tells its script: a plan is
// written in one script throughout, so the first pages say whether
// folding (the costly part of reading each line) is needed at all.
const sampleBytes = 2 << 10

// foldLines sets each line's folded text when the document's opening
// lines hold traditional characters, and reports whether it did.
func foldLines(lines []srcLine) bool {
	seen, traditional := 0, false
	for _, l := range lines {
		if seen > sampleBytes {
			break
		}
		seen += len(l.text)
		if foldFast(l.text) != l.text {
			traditional = true
			break
		}
	}
	if traditional {
		for i := range lines {
			lines[i].f = foldFast(lines[i].text)
		}
	}
	return traditional
}

// rowText is a row's non-empty cells joined by spaces, a merged cell once.
func rowText(cells []string) string {
	var vals []string
	for _, c := range cells {
		if c != "" && (len(vals) == 0 || vals[len(vals)-1] != c) {
			vals = append(vals, c)
		}
	}
	return strings.Join(strings.Fields(strings.Join(vals, " ")), " ")
}

// lineSpan is a part of the document: lines[from:to].
type lineSpan struct{ from, to int }

// The parts of a document whose coverage is checked, found on the lines
// of docread.Text: annexes, tables (real ones, and tables that a text
// export wrote one cell per line), and the chapters that state goals and
// principles, where a paragraph is not expected to give a task.

var (
	// annexHeading starts an annex: 附件, 附件3, 附件：…, 附表2 …; a list
	// of annex titles in the cover notice starts the same way and is told
	// apart by its size (coverage.substantial).
	annexHeading = regexp.MustCompile(`^附\s*[件表]\s*[0-9０-９一二三四五六七八九十]*\s*(?:[：:]|$|\s|[0-9０-９]+[.．、])`)
	// pageFurniture ends a document's text: the 版记 of a printed
	// document, the links and buttons of a web page.
	pageFurniture = regexp.MustCompile(`^(?:抄送|抄报|【返回顶部】|【打印本页】|【关闭窗口】|本文链接|扫描二维码|责任编辑|分享到|相关链接|上一篇|下一篇|\[附件下载\])`)
)

// The headings are looked for on every line; a line that does not start
// with a heading's first character is turned away before the regexp.
const (
	chapterFirst   = "一二三四五六七八九十第"
	furnitureFirst = "抄【本扫责分相上下["
)

func isAnnexHeading(f string) bool {
	return strings.HasPrefix(f, "附") && annexHeading.MatchString(f)
}

func isPageFurniture(f string) bool {
	return startsWith(f, furnitureFirst, pageFurniture) != nil
}

// startsWith is re.FindStringIndex(f) for a pattern anchored at the start
// that can only begin with one of the characters of first.
func startsWith(f, first string, re *regexp.Regexp) []int {
	r, _ := utf8.DecodeRuneInString(f)
	if !strings.ContainsRune(first, r) {
		return nil
	}
	return re.FindStringIndex(f)
}

// annexSpans returns each annex from its heading to the next heading, the
// page furniture after it, or the end.
func annexSpans(lines []srcLine) []lineSpan {
	var out []lineSpan
	start := -1
	end := func(at int) {
		if start >= 0 {
			out = append(out, lineSpan{start, at})
			start = -1
		}
	}
	for i, l := range lines {
		if l.cells != nil {
			continue
		}
		f := l.f
		switch {
		case isAnnexHeading(f):
			end(i)
			start = i
		case isPageFurniture(f):
			end(i)
		}
	}
	end(len(lines))
	return out
}

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

var (
	chapterHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十]+\s*[、.．]|第[一二三四五六七八九十百]+(?:章|部分|篇))\s*`)
	sectionHeading = regexp.MustCompile(`^[（(][一二三四五六七八九十]+[）)]\s*`)
)

// purposeOpening starts the paragraph of a preface that says why and on
// what basis the document is made (为…，根据…，制定本方案): it names the
// bodies whose decisions are carried out, not who does what.
var purposeOpening = regexp.MustCompile(`^(?:为|根据|按照|依据|遵照)`)

// transmittal reports the sentence by which a covering notice hands a plan on
// (现将《…》印发给你们，请…): the paragraph around it asks that the plan
// be carried out, and the plan itself says who does what.
func transmittal(f string) bool {
	return strings.Contains(f, "发给你们") || strings.Contains(f, "现将") && hasAnyWord(f, handOnWords)
}

var handOnWords = []string{"印发", "转发", "下发"}

// quietLines marks the lines where a paragraph is not expected to give a
// task, however many responsibility words it uses: chapters or sections
// that state the guiding thought, principles or goals (classify), the
// purpose-and-basis paragraphs of a preface — the text of the document,
// or of an annex, before its first chapter — and the transmittal
// paragraph of a covering notice.
func quietLines(lines []srcLine) []bool {
	quiet := make([]bool, len(lines))
	chapter, section, preface := false, false, true
	for i, l := range lines {
		if l.cells != nil {
			quiet[i] = chapter || section
			continue
		}
		f := l.f
		if isAnnexHeading(f) {
			chapter, section, preface = false, false, true
		} else if m := startsWith(f, chapterFirst, chapterHeading); m != nil {
			chapter, section, preface = headingIsGoal(lines, i, f[m[1]:]), false, false
		} else if m := startsWith(f, "（(", sectionHeading); m != nil {
			section = headingIsGoal(lines, i, f[m[1]:])
		}
		quiet[i] = chapter || section || (preface && startsWith(f, "为根按依遵", purposeOpening) != nil) || transmittal(f)
	}
	return quiet
}

// headingIsGoal classifies a heading; a label that stands alone takes the
// next line as its heading.
func headingIsGoal(lines []srcLine, i int, rest string) bool {
	if rest == "" {
		for _, l := range lines[i+1:] {
			if l.text != "" {
				rest = l.f
				break
			}
		}
	}
	return classify(rest) == sectionGoals
}
