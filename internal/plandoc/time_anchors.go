package plandoc

import (
	"regexp"
	"unicode/utf8"
)

// Most shapes of date begin with a figure: a year (2024年, 2024.3) or a
// month (3月底前). A regexp with no literal prefix is tried at every byte
// of the text; trying it, anchored, only where a run of digits starts costs
// a fraction of that. A match that starts inside a run of digits is part
// of a longer figure and rejected anyway (startsOK).

// anchor says where the matches of a timeRule can start.
type anchor int

const (
	anywhere anchor = iota // no figure opens it: scan the whole text
	digitRun               // at the start of a run of digits
	yearRun                // at a run of digits that opens with 19 or 20
)

// anchoredRules holds, for each of timeRules, its pattern anchored at the
// start of the input (nil for a rule matched anywhere).
var anchoredRules = func() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(timeRules))
	for i, r := range timeRules {
		if r.from != anywhere {
			out[i] = regexp.MustCompile(`^(?:` + r.re.String() + `)`)
		}
	}
	return out
}()

// digitRuns returns the byte offsets where runs of ASCII or full-width
// digits start in f, and those of them that open with 19 or 20.
func digitRuns(f string) (runs, years []int) {
	prevDigit := false
	for i := 0; i < len(f); {
		c := f[i]
		size := 1
		var d int = -1
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(f[i:])
			size = n
			if r >= '０' && r <= '９' {
				d = int(r - '０')
			}
		}
		if d >= 0 && !prevDigit {
			runs = append(runs, i)
			if d == 1 || d == 2 {
				if r, _ := utf8.DecodeRuneInString(f[i+size:]); r == '9' && d == 1 || r == '0' && d == 2 || r == '９' && d == 1 || r == '０' && d == 2 {
					years = append(years, i)
				}
			}
		}
		prevDigit = d >= 0
		i += size
	}
	return runs, years
}

// ruleMatches finds the matches of timeRules[k] in f, leftmost first and
// not overlapping, as FindAllStringSubmatchIndex does; starts are the
// candidate offsets for its anchor.
func ruleMatches(k int, f string, starts []int) [][]int {
	if timeRules[k].from == anywhere {
		return timeRules[k].re.FindAllStringSubmatchIndex(f, -1)
	}
	return matchesAt(anchoredRules[k], f, starts)
}

// matchesAt tries the anchored pattern at each of starts in order and
// returns the submatch indexes (offsets in f) of the matches that do not
// overlap an earlier one.
func matchesAt(anchored *regexp.Regexp, f string, starts []int) [][]int {
	var out [][]int
	end := 0
	for _, at := range starts {
		if at < end {
			continue
		}
		m := anchored.FindStringSubmatchIndex(f[at:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += at
			}
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}
