package plandoc

import "strings"

// A plan written in markdown sets the short heading of an item in bold
// (1. **建设…平台**。2024年…): the marks are typing, not text, and would
// otherwise stay in the task's title. Government text has no other use for
// a doubled asterisk, so paired marks are dropped; a lone one is kept, in
// case it is a footnote sign.

// stripEmphasis removes paired markdown bold marks (** or __) from s.
func stripEmphasis(s string) string {
	for _, mark := range []string{"**", "__"} {
		if n := strings.Count(s, mark); n > 0 && n%2 == 0 {
			s = strings.ReplaceAll(s, mark, "")
		}
	}
	return s
}
