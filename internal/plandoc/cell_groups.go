package plandoc

import (
	"regexp"
	"strconv"
	"strings"
)

// Group rows and chapter rows of a table pasted one cell per line (see
// cell_table.go). A table's rows are often numbered again from 1 under
// each group row (一、产业振兴 / 1 / 2 / 二、人才振兴 / 1 …): the number
// alone then names no row, as in an outline, whose items under each
// heading are numbered afresh, and the group's label is a level of the
// row's path (["一", "1"]). An assessment sheet writes its chapter row on
// one line as often as over three cells: its label, heading and subtotal
// (一、组织领导（20分）).

// subtotalRe is a chapter's subtotal written after its heading: （20分）,
// （共20分）, (满分20分).
var subtotalRe = regexp.MustCompile(`[（(]\s*(?:共|计|計|合计|合計|满分|滿分)?\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[）)]$`)

// chapterLine reads a chapter row written on one line: a chapter label,
// its heading and its subtotal.
func chapterLine(s string) (label, heading string, weight float64, ok bool) {
	kind, label, n := matchLabel(s)
	if kind != kindCN || n == len(s) {
		return "", "", 0, false
	}
	rest := trimSpace(s[n:])
	m := subtotalRe.FindStringSubmatchIndex(rest)
	if m == nil || m[0] == 0 || strings.ContainsAny(rest[:m[0]], "。；;，,") {
		return "", "", 0, false
	}
	w, err := strconv.ParseFloat(strings.ReplaceAll(asciiDigits(rest[m[2]:m[3]]), "．", "."), 64)
	if err != nil {
		return "", "", 0, false
	}
	heading = trimSpace(rest[:m[0]])
	return label, heading, w, true
}

// groupLabel is the label of a group row as a level of a path: the
// numbering label (一, (一), 第一部分) or the words that number the group
// (行动二, 第三类).
func groupLabel(s string) string {
	switch kind, label, _ := matchLabel(s); kind {
	case kindCN, kindParenCN, kindChapter:
		return label
	}
	f := fold(s)
	m := groupLabelRe.FindStringIndex(f)
	if m == nil {
		return ""
	}
	return strings.TrimRight(trimSpace(f[:m[1]]), "：:、．.")
}

// labelRestarts puts the group's label in the path of each row under a
// labelled group row, where the numbering restarts under the groups so
// that two rows would share a path.
func (t *cellTable) labelRestarts() {
	seen, twice := map[string]bool{}, false
	for _, r := range t.rows {
		k := r.chapter + "/" + r.seq
		twice = twice || seen[k]
		seen[k] = true
	}
	if !twice {
		return
	}
	for _, r := range t.rows {
		if r.chapter == "" && r.groupLabel != "" {
			r.chapter = r.groupLabel
		}
	}
}

// numberedRows reports a table whose header has no 序号 name (its cell
// left blank or lost in the paste) while its rows still start with their
// numbers alone on a line: the first row after the header (and after any
// group or chapter row) is numbered 1 and a row numbered 2 follows.
func numberedRows(h cellHeader, texts []string, from int) bool {
	h = h.withSeq()
	i := from
	for i < len(texts) && (groupLine(texts[i]) || chapterHead(texts[i])) {
		i++
	}
	if n, ok := rowNumber(h, texts, i); !ok || n != 1 {
		return false
	}
	for j := i + 1; j < len(texts); j++ {
		if n, ok := rowNumber(h, texts, j); ok && n == 2 {
			return true
		}
	}
	return false
}

// chapterHead reports a chapter row's first line: its label alone or the
// whole row on one line.
func chapterHead(s string) bool {
	if _, ok := chapterAlone(s); ok {
		return true
	}
	_, _, _, ok := chapterLine(s)
	return ok
}

// withSeq is the header with a 序号 column put in front.
func (h cellHeader) withSeq() cellHeader {
	h.cols = append([]cellColumn{{role: roleSeq, name: "序号"}}, h.cols...)
	return h
}
