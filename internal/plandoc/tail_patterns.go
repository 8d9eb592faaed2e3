package plandoc

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// tailPattern is a pattern anchored at the end of the text ($) whose
// matches are at most window bytes long. Go's regexp has no way to search
// from the end, so an unanchored start is tried at every byte of the text;
// matching only its last window bytes gives the same match for a fraction
// of the cost (names and notes are tested many times per task).
//
// A text whose last character cannot end a match (most unit names end in
// 局, which no framing word does) is answered without the regexp at all.
type tailPattern struct {
	re     *regexp.Regexp
	window int
	// last holds every character a match can end with; "" when unknown.
	last string
}

// tail compiles a pattern that ends in $ and matches at most maxRunes
// characters of three bytes (the longest of its alternatives).
func tail(expr string, maxRunes int) tailPattern {
	t := tailPattern{re: regexp.MustCompile(expr), window: 3*maxRunes + 4}
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil {
		if last, ok := finalRunes(re.Simplify()); ok {
			t.last = string(last)
		}
	}
	return t
}

// canEnd reports whether s ends with a character a match can end with.
func (t tailPattern) canEnd(s string) bool {
	if t.last == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && strings.ContainsRune(t.last, r)
}

// finalRunes lists the characters that the matches of re can end with,
// and false when re is not built of literals and small classes (a
// wildcard, a repetition) or may match nothing.
func finalRunes(re *syntax.Regexp) ([]rune, bool) {
	rs, nullable, ok := finals(re)
	return rs, ok && !nullable
}

// finals returns the final characters of re's non-empty matches, whether
// re can match the empty string, and false for a shape it cannot follow.
func finals(re *syntax.Regexp) (rs []rune, nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpEndText:
		return nil, true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return re.Rune[len(re.Rune)-1:], false, true
	case syntax.OpCharClass: // single characters factored out: [局办委]
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 64 {
				return nil, false, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				rs = append(rs, r)
			}
		}
		return rs, false, len(rs) > 0
	case syntax.OpCapture:
		return finals(re.Sub[0])
	case syntax.OpQuest:
		rs, _, ok := finals(re.Sub[0])
		return rs, true, ok
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			r, n, ok := finals(sub)
			if !ok {
				return nil, false, false
			}
			rs, nullable = append(rs, r...), nullable || n
		}
		return rs, nullable, true
	case syntax.OpConcat:
		// From the end: an element that may match nothing lets the one
		// before it end the match too.
		for i := len(re.Sub) - 1; i >= 0; i-- {
			r, n, ok := finals(re.Sub[i])
			if !ok {
				return nil, false, false
			}
			rs = append(rs, r...)
			if !n {
				return rs, false, true
			}
		}
		return rs, true, true
	}
	return nil, false, false
}

// MatchString reports whether s ends in a match.
func (t tailPattern) MatchString(s string) bool {
	return t.canEnd(s) && t.re.MatchString(s[t.cut(s):])
}

// FindStringIndex returns the span of the match at the end of s, or nil.
func (t tailPattern) FindStringIndex(s string) []int {
	if !t.canEnd(s) {
		return nil
	}
	at := t.cut(s)
	m := t.re.FindStringIndex(s[at:])
	if m == nil {
		return nil
	}
	return []int{m[0] + at, m[1] + at}
}

// cut is where the window of s that a match can lie in starts.
func (t tailPattern) cut(s string) int {
	if len(s) <= t.window {
		return 0
	}
	return len(s) - t.window
}
