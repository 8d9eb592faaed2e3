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
		strings.Repeat("x", 100) + "为牵头单位", "配合", "（2026年起实施）", "県", "县林业局 ",
		"市体育中心", "区委办", "各街道", "县委员会", "县公安局交警大队", "负总责", "主体",
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

// The final characters are known for the framing words (so most names
// skip the regexp) and cover every alternative.
func TestTailPatternsKnowTheirLastCharacters(t *testing.T) {
	for _, p := range []tailPattern{noteTail, weakTail, leadTail, unitEnd} {
		if p.last == "" {
			t.Errorf("%s: no final characters", p.re)
		}
	}
	if strings.ContainsRune(noteTail.last, '局') || !strings.ContainsRune(leadTail.last, '头') || !strings.ContainsRune(leadTail.last, '位') {
		t.Errorf("final characters: noteTail %q, leadTail %q", noteTail.last, leadTail.last)
	}
}
