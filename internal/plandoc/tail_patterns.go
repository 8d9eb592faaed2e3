package plandoc

import "regexp"

// tailPattern is a pattern anchored at the end of the text ($) whose
// matches are at most window bytes long. Go's regexp has no way to search
// from the end, so an unanchored start is tried at every byte of the text;
// matching only its last window bytes gives the same match for a fraction
// of the cost (names and notes are tested many times per task).
type tailPattern struct {
	re     *regexp.Regexp
	window int
}

// tail compiles a pattern that ends in $ and matches at most maxRunes
// characters of three bytes (the longest of its alternatives).
func tail(expr string, maxRunes int) tailPattern {
	return tailPattern{regexp.MustCompile(expr), 3*maxRunes + 4}
}

func (t tailPattern) cut(s string) int {
	if len(s) <= t.window {
		return 0
	}
	return len(s) - t.window
}

// MatchString reports whether s ends in a match.
func (t tailPattern) MatchString(s string) bool {
	return t.re.MatchString(s[t.cut(s):])
}

// FindStringIndex returns the span of the match at the end of s, or nil.
func (t tailPattern) FindStringIndex(s string) []int {
	at := t.cut(s)
	m := t.re.FindStringIndex(s[at:])
	if m == nil {
		return nil
	}
	return []int{m[0] + at, m[1] + at}
}
