package plandoc

import "strings"

// Group rows of a real table (docx, xlsx, csv): a row whose one value is
// merged across the table (一、产业振兴, 行动二：…). As in a table pasted one
// cell per line (cell_groups.go), rows numbered again from 1 under each
// group row take the group's label into their paths, and a chapter row of
// an assessment sheet with its subtotal (一、组织领导（20分）) is a level of
// the path of every row under it.

// tableGroups follows the group rows of a table as its rows are read.
type tableGroups struct {
	chapter string   // the label of the chapter row above, "" when none
	label   string   // the label of the group row above, "" when none
	labels  []string // the group label of each task read, in order
}

// enter takes a group row's value; it reports false for a value that is
// no labelled group (an unlabelled heading, or the one filled cell of a row
// that continues the row above).
func (g *tableGroups) enter(v string) bool {
	if l, _, _, ok := chapterLine(v); ok {
		g.chapter, g.label = l, ""
		return true
	}
	if !groupLine(v) {
		return false
	}
	g.label = groupLabel(v)
	return g.label != ""
}

// path is the path of a row numbered seq under the current chapter.
func (g *tableGroups) path(prefix []string, seq string) []string {
	p := append([]string{}, prefix...)
	if g.chapter != "" {
		p = append(p, g.chapter)
	}
	return append(p, seq)
}

// read records the group label of the task just read.
func (g *tableGroups) read() { g.labels = append(g.labels, g.label) }

// labelRestarts puts the group label before the row number in the paths
// of tasks under a labelled group, where two tasks would share a path.
func (g *tableGroups) labelRestarts(tasks []Task) {
	seen, twice := map[string]bool{}, false
	for _, t := range tasks {
		k := strings.Join(t.Path, "/")
		twice = twice || seen[k]
		seen[k] = true
	}
	if !twice {
		return
	}
	for i := range tasks {
		if i >= len(g.labels) || g.labels[i] == "" {
			continue
		}
		p := tasks[i].Path
		last := p[len(p)-1]
		tasks[i].Path = append(append(append([]string{}, p[:len(p)-1]...), g.labels[i]), last)
	}
}

// groupValue is the one value of a group row.
func groupValue(row []string) string {
	for _, v := range row {
		if v != "" {
			return v
		}
	}
	return ""
}
