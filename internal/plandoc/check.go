package plandoc

import "strings"

// CheckTasks lists what a task list lacks: tasks with no unit, tasks with
// no deadline, and numbering paths used twice (a store keyed by path
// would fold such tasks into one). Optional items (保障措施) are not
// required to have units or deadlines. The review screen calls it again
// after every edit, so the counts it shows are the list's as it stands.
func CheckTasks(tasks []Task) []Warning {
	var out []Warning
	seen := map[string]bool{}
	for _, t := range tasks {
		key := strings.Join(t.Path, "\x00")
		if seen[key] {
			out = append(out, Warning{Kind: WarnDuplicatePath, Path: t.Path, Excerpt: t.Title})
		}
		seen[key] = true
		if t.Optional {
			continue
		}
		if len(t.Units) == 0 && len(t.LeadUnits) == 0 {
			out = append(out, Warning{Kind: WarnNoUnit, Path: t.Path, Excerpt: t.Title})
		}
		if len(t.Deadlines) == 0 {
			out = append(out, Warning{Kind: WarnNoDeadline, Path: t.Path, Excerpt: t.Title})
		}
	}
	return out
}
