package plandoc

import (
	"regexp"
	"strings"
)

// Task lists of rectification plans (问题：…。整改措施：…。责任单位：…。整改
// 时限：…) and of breakdowns copied from tables (牵头领导：甲  责任单位：乙
// 完成时限：丙) write the responsibility field inside the item's line, after
// a full stop or a gap of spaces, rather than on a line of its own or in
// brackets. Such a field assigns the task as a labelled line does.

// fieldBreak separates the fields of one line: a sentence end or a gap of
// two or more spaces (the trace of table cells or of tab stops).
var fieldBreak = regexp.MustCompile(`[。；;]|[ \t\x{3000}]{2,}|\t`)

// labelWithColon opens a responsibility field: a unit label and its colon.
// Without the colon the label is a subject of prose (责任单位要建立台账).
var labelWithColon = regexp.MustCompile(`^(?:` + noteLabelWords + `)\s*[：:]`)

// inlineFieldNotes reads the responsibility fields that follow other text on
// the same line; a field that opens its line is a labelled line, read by
// notesOf already.
func inlineFieldNotes(text string) []unitNote {
	var notes []unitNote
	if !strings.ContainsAny(text, "：:") {
		return nil // a field always has its colon
	}
	for _, ln := range strings.Split(text, "\n") {
		if !strings.ContainsAny(ln, "：:") {
			continue
		}
		cuts := fieldBreak.FindAllStringIndex(ln, -1)
		for _, c := range cuts {
			if !outsideBrackets(ln, c[0]) {
				continue // a bracketed note is read as a whole by notesOf
			}
			seg := strings.TrimLeft(ln[c[1]:], " \t\u3000")
			if m := fieldBreak.FindStringIndex(seg); m != nil {
				seg = seg[:m[0]]
			}
			sf := fold(seg)
			if !labelWithColon.MatchString(sf) {
				continue
			}
			if n := parseNote(seg, sf); len(n.units) > 0 {
				notes = append(notes, n)
			}
		}
	}
	return notes
}
