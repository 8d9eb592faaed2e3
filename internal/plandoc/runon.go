package plandoc

import "strings"

// runOnLimit is the length past which a paragraph is taken for a whole web
// page pasted as one line: no real paragraph of a plan is this long.
const runOnLimit = 1500

// splitRunOn breaks every over-long line before the numbering labels that
// follow a sentence end, so that a plan copied from a web page as a single
// line gets its structure back. Ordinary paragraphs are left alone, since
// inline enumerations inside them are not items of the plan.
func splitRunOn(raw []string) []string {
	var out []string
	for _, s := range raw {
		if len([]rune(s)) < runOnLimit {
			out = append(out, s)
			continue
		}
		out = append(out, splitAtLabels(s)...)
	}
	return out
}

func splitAtLabels(s string) []string {
	var parts []string
	start := 0
	prevEnd := true // the very start counts as after a sentence end
	for i, r := range s {
		if i > start && prevEnd {
			if _, _, n := matchLabel(s[i:]); n > 0 {
				parts = append(parts, s[start:i])
				start = i
			}
		}
		prevEnd = strings.ContainsRune("。；;：:！？!?）) \t\u3000", r)
	}
	return append(parts, s[start:])
}
