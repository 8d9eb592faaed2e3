package plandoc

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// runOnLimit is the length past which a paragraph is taken for a whole web
// page pasted as one line: no real paragraph of a plan is this long.
const runOnLimit = 1500

// signatureDate is a signing date glued to the organ before it or the
// publication note after it (温州市人民政府办公室2017年6月8日（此件公开发布）).
var (
	signatureDate = regexp.MustCompile(`(?:政府|办公室|办公厅|委员会|局|厅|委|部|办|组)((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)|((?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日)[（(]此件`)
	publishNote   = regexp.MustCompile(`[（(]此件(?:公开发布|不公开|主动公开)[）)]`)
)

// splitRunOn breaks every over-long line into the lines it once was: at
// white space, at sentence ends outside brackets, before numbering labels,
// and around a notice's signature, so that a plan copied from a web page
// as a single line gets its structure back. Ordinary paragraphs are left
// alone, since inline enumerations inside them are not items of the plan.
func splitRunOn(raw []string) []string {
	var out []string
	for _, s := range raw {
		if n := utf8.RuneCountInString(s); n < runOnLimit && (n < shortPageMin || !holdsChapterSequence(s)) {
			out = append(out, s)
			continue
		}
		out = append(out, splitLine(s)...)
	}
	return out
}

// splitLine splits one run-on line at white space and then each piece.
func splitLine(s string) []string {
	var out []string
	seq := labelSequence{}
	for _, piece := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }) {
		out = append(out, splitPiece(piece, seq)...)
	}
	return out
}

// shortPageMin is the length from which a line shorter than runOnLimit is
// still taken for a short page pasted as one line, when it holds a plan's
// chapters in sequence (…。一、…1.…二、…): an ordinary paragraph
// enumerates with 一是、二是 or inline (1)(2), never with chapter labels
// that each begin after a sentence end and carry items of their own.
const shortPageMin = 200

// holdsChapterSequence reports whether splitting s would find chapters 一、
// and 二、 and at least two items below them.
func holdsChapterSequence(s string) bool {
	if !strings.Contains(s, "一、") || !strings.Contains(s, "二、") {
		return false // most paragraphs: no need to split them to know
	}
	chapters, items := 0, 0
	for _, part := range splitLine(s) {
		kind, label, n := matchLabel(part)
		switch {
		case n == 0:
		case kind == kindCN && label == []string{"一", "二"}[min(chapters, 1)] && chapters < 2:
			chapters++
		case chapters > 0:
			items++
		}
	}
	return chapters == 2 && items >= 2
}

// splitPiece splits one space-free run of text.
func splitPiece(s string, seq labelSequence) []string {
	cuts := map[int]bool{}
	f := fold(s)
	for _, m := range signatureDate.FindAllStringSubmatchIndex(f, -1) {
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				cuts[m[g]] = true
				cuts[m[g+1]] = true
			}
		}
	}
	for _, m := range publishNote.FindAllStringIndex(s, -1) {
		cuts[m[0]] = true
		cuts[m[1]] = true
	}
	if kind, label, n := matchLabel(s); n > 0 {
		if v, ok := labelValue(label); ok {
			seq[kind] = v // a piece that starts with a label goes on the count
		}
	}
	depth := 0
	prev := rune(0)
	last := 0 // the latest cut at or before i
	for i, r := range s {
		if cuts[i] {
			last = i
		}
		heading := i-last <= 120 && isChapterHeading(s[last:i]) // a heading is short: bounded work
		switch {
		case isOpen(r):
			if depth == 0 && seq.startsAt(s, i, prev, heading) {
				cuts[i], last = true, i
			}
			depth++
		case isClose(r):
			depth = max(depth-1, 0)
		case depth == 0 && strings.ContainsRune("。！？", r):
			cuts[i+len(string(r))] = true
		case depth == 0 && seq.startsAt(s, i, prev, heading):
			cuts[i], last = true, i
		}
		prev = r
	}
	var parts []string
	start := 0
	for i := range s {
		if i > start && cuts[i] {
			parts = append(parts, s[start:i])
			start = i
		}
	}
	return append(parts, s[start:])
}

// labelSequence remembers the last number of each label kind, so that a
// label inside running text is taken for a new item only where it goes on
// the count (1, or one more than the last) and stands where an item can
// begin.
type labelSequence map[string]int

const sentenceEnds = "。；;：:！？）)”"

// afterHeading says that the text since the last cut is a chapter heading
// (三、强化要素保障): flattened web text runs a heading straight into its
// first item (三、强化要素保障1.完善用地政策。), so an item that goes on the
// count (1, or the next number when a plan numbers its items across
// chapters: 二、促进消费3.支持…) may start there without a sentence end
// before it.
func (seq labelSequence) startsAt(s string, i int, prev rune, afterHeading bool) bool {
	if i == 0 || prev == '第' || isCNDigit(prev) || isDigit(prev) {
		return false
	}
	kind, label, n := matchLabel(s[i:])
	if n == 0 {
		return false
	}
	v, ok := labelValue(label)
	if !ok || (v != 1 && v != seq[kind]+1) {
		return false
	}
	afterEnd := strings.ContainsRune(sentenceEnds, prev)
	switch kind {
	case kindNum, kindParenN, kindCircled:
		// Arabic numbers abound in prose: only after a sentence end, or
		// as the first item right after a chapter heading.
		if !afterEnd && !afterHeading {
			return false
		}
	case kindCN:
		// 统一、规范 is no chapter: the first needs a sentence end before it.
		if v == 1 && !afterEnd {
			return false
		}
	}
	seq[kind] = v
	return true
}

// labelValue is the number a normalised label stands for.
func labelValue(label string) (int, bool) {
	digits := strings.Trim(namedLabelDigits(label), "()第章条條部分篇节")
	if n, ok := cnNumber(digits); ok {
		return n, true
	}
	if n, ok := capitalNumber(digits); ok {
		return n, true
	}
	if len(digits) > 0 && isCircled([]rune(digits)[0]) {
		return int([]rune(digits)[0]-'①') + 1, true
	}
	n := atoi(digits)
	return n, n > 0
}

// isChapterHeading reports whether seg is a chapter or section label with
// a short heading and nothing else: no sentence punctuation, at most 30
// characters after the label.
func isChapterHeading(seg string) bool {
	kind, _, n := matchLabel(seg)
	if kind != kindCN && kind != kindParenCN && kind != kindChapter {
		return false
	}
	rest := seg[n:]
	c := utf8.RuneCountInString(rest)
	return c >= 2 && c <= 30 && !strings.ContainsAny(rest, "。，；：,;:！？、")
}
