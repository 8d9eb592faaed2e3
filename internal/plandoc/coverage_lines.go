package plandoc

import (
	"regexp"
	"strings"
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
			cells := make([]string, len(row))
			for j, v := range row {
				cells[j] = trimSpace(v)
			}
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

// Annexes, page furniture and the chapters that state goals and
// principles (where a paragraph is not expected to give a task), found on
// the lines of docread.Text. Tables are found in coverage_tables.go.

var (
	// annexHeading starts an annex: 附件, 附件3, 附件：…, 附表2 …; a list
	// of annex titles in the cover notice starts the same way and is told
	// apart by its size (coverage.unreadAnnex).
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
