package plandoc

import (
	"strings"
	"unicode"

	"github.com/duban/duban/internal/docread"
)

// line is one paragraph of the document, or one table, ready for matching.
type line struct {
	text  string     // the paragraph as written, trimmed of surrounding space
	f     string     // fold(text): simplified script, same byte offsets
	table [][]string // set when the line is a table
	md    int        // markdown heading level (1 for "# ", 6 for "###### "), 0 for none
	sheet string     // for a table: its sheet's name as a path level (table_sheets.go)
}

func (l line) blank() bool { return l.table == nil && l.text == "" }

// linesOf turns a document's blocks into lines: paragraphs trimmed, page
// furniture dropped, text tables (cells on lines of their own) recognised,
// and a web page pasted as one long line split at its numbering.
func linesOf(doc *docread.Doc) []line {
	var raw []string
	var out []line
	flush := func() {
		for _, t := range tablesFromText(splitRunOn(raw)) {
			out = append(out, t)
		}
		raw = raw[:0]
	}
	sheets := sheetLevels(doc)
	for i, b := range doc.Blocks {
		if b.IsTable() {
			flush()
			ls := captionedTable(cleanTable(b.Table))
			ls[len(ls)-1].sheet = sheets[i]
			out = append(out, ls...)
			continue
		}
		for _, p := range strings.Split(b.Text, "\n") {
			raw = append(raw, p)
		}
	}
	flush()
	return out
}

// trimSpace trims ASCII and ideographic space and the invisible characters
// that web pages and Word leave around paragraphs.
func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' || r == '\u200b' || r == '\u00a0'
	})
}

func newLine(s string) line {
	t, level := markdownMarks(trimSpace(s))
	t = stripEmphasis(t)
	return line{text: t, f: fold(t), md: level}
}

func cleanTable(rows [][]string) [][]string {
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		c := make([]string, len(r))
		for i, v := range r {
			c[i] = trimSpace(v)
		}
		out = append(out, c)
	}
	return out
}
