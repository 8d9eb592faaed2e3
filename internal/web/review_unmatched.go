package web

import (
	"strings"

	"github.com/duban/duban/internal/ledgersvc"
)

// unmatchedKind is the group of unit names no registered unit has, under
// 请核对 (#warn-unknown_unit, where the banner's count leads).
const unmatchedKind = "unknown_unit"

// UnmatchedName is a unit name of the draft that matches no registered
// unit, by name or alias, with the tasks that name it: creating or
// choosing the unit once settles every one of them.
type UnmatchedName struct {
	Name  string
	Tasks []TaskRef
}

// unmatchedNames lists the draft's unmatched unit names in the order they
// first appear, each with its tasks in order (a task once, even when it
// names the unit twice, as lead and as partner).
func unmatchedNames(rv *ledgersvc.Review) []UnmatchedName {
	var out []UnmatchedName
	at := map[string]int{}
	for _, t := range rv.Tasks {
		ref := TaskRef{ID: t.ID, Path: strings.Join(t.Path, "."), Title: t.Title}
		for _, m := range t.UnitMatches {
			if m.UnitID != 0 || m.Name == "" {
				continue
			}
			i, ok := at[m.Name]
			if !ok {
				i = len(out)
				at[m.Name] = i
				out = append(out, UnmatchedName{Name: m.Name})
			}
			if n := len(out[i].Tasks); n == 0 || out[i].Tasks[n-1].ID != t.ID {
				out[i].Tasks = append(out[i].Tasks, ref)
			}
		}
	}
	return out
}

// withUnmatched puts the group of unmatched names among the task
// warnings, after the tasks with no unit (the banner's order: units
// first, then deadlines).
func withUnmatched(groups []WarningGroup, names []UnmatchedName) []WarningGroup {
	if len(names) == 0 {
		return groups
	}
	g := WarningGroup{Kind: unmatchedKind, Label: "review.unmatched.label", Names: names}
	for _, n := range names {
		g.Tasks += len(n.Tasks)
	}
	at := 0
	if len(groups) > 0 && groups[0].Kind == taskWarningOrder[0] {
		at = 1
	}
	out := append([]WarningGroup{}, groups[:at]...)
	out = append(out, g)
	return append(out, groups[at:]...)
}
