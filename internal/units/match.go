package units

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Unit is a registered unit as the matcher sees it.
type Unit struct {
	ID      int64
	Name    string
	Aliases []string
}

// How a name was matched.
const (
	ByName  = "name"
	ByAlias = "alias"
)

// Match is the result for one free-text name: UnitID and How when it
// matched, otherwise up to three Suggestions, best first.
type Match struct {
	UnitID      int64
	How         string
	Suggestions []Suggestion
}

// Suggestion is a registered unit that a name may mean.
type Suggestion struct {
	UnitID int64
	Name   string
	Score  float64 // 0..1
}

// Index answers matches against a fixed set of units.
type Index struct {
	byKey map[string]Match
	units []Unit
	keys  [][]rune
}

// NewIndex indexes units by their normalised names and aliases.
func NewIndex(units []Unit) *Index {
	ix := &Index{byKey: map[string]Match{}, units: units}
	for _, u := range units {
		ix.keys = append(ix.keys, []rune(Normalize(u.Name)))
		ix.byKey[Normalize(u.Name)] = Match{UnitID: u.ID, How: ByName}
	}
	for _, u := range units {
		for _, a := range u.Aliases {
			if _, taken := ix.byKey[Normalize(a)]; !taken {
				ix.byKey[Normalize(a)] = Match{UnitID: u.ID, How: ByAlias}
			}
		}
	}
	return ix
}

// Normalize folds the ways one name is written: full-width forms, every
// kind of bracket, and spaces.
func Normalize(name string) string {
	s := norm.NFKC.String(name)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			continue
		case strings.ContainsRune("（〔［【〈<《「『[{", r):
			r = '('
		case strings.ContainsRune("）〕］】〉>》」』]}", r):
			r = ')'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// minScore is the least closeness worth suggesting.
const minScore = 0.6

// Match finds name in the registry.
func (ix *Index) Match(name string) Match {
	key := Normalize(name)
	if m, ok := ix.byKey[key]; ok {
		return m
	}
	q := []rune(key)
	var sugg []Suggestion
	for i, u := range ix.units {
		if s := closeness(q, ix.keys[i]); s >= minScore {
			sugg = append(sugg, Suggestion{UnitID: u.ID, Name: u.Name, Score: s})
		}
	}
	sort.SliceStable(sugg, func(i, j int) bool { return sugg[i].Score > sugg[j].Score })
	if len(sugg) > 3 {
		sugg = sugg[:3]
	}
	return Match{Suggestions: sugg}
}

// closeness weighs how much of the shorter name the longer one contains,
// in order, and a little how much of the longer one is explained.
func closeness(a, b []rune) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	l := float64(lcs(a, b))
	short, long := float64(min(len(a), len(b))), float64(max(len(a), len(b)))
	return 0.7*l/short + 0.3*l/long
}

func lcs(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
			} else {
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
