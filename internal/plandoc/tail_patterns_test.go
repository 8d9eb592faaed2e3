package plandoc

import (
	"reflect"
	"strings"
	"testing"
)

// A tail pattern finds what its regexp finds over the whole text.
func TestTailPatternsMatchLikeTheirRegexps(t *testing.T) {
	texts := []string{
		"", "县农业农村局", "县农业农村局牵头", "由县水利局按照职责分工抓好牵头落实",
		strings.Repeat("推进乡村振兴示范带建设，", 9) + "县农业农村局、县林业局按照职责分工分别负责",
		strings.Repeat("x", 100) + "为牵头单位", "配合", "（2026年起实施）", "県",
	}
	for _, p := range []tailPattern{noteTail, weakTail, leadTail, unitEnd} {
		for _, s := range texts {
			if got, want := p.FindStringIndex(s), p.re.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: %v, want %v", p.re, s, got, want)
			}
			if got, want := p.MatchString(s), p.re.MatchString(s); got != want {
				t.Errorf("%s matches %q: %v, want %v", p.re, s, got, want)
			}
		}
	}
}
