package plandoc

import (
	"strings"
)

// taskFromText builds a task from its numbering path and its whole text
// (the label line after the label, then any continuation lines).
func taskFromText(path []string, text string, year int) Task {
	t := Task{
		Path:       path,
		Title:      titleOf(text),
		Text:       text,
		LeadUnits:  []string{},
		Units:      []string{},
		Milestones: []Milestone{},
	}
	addNotes(&t, notesOf(text))
	t.Deadlines = nonNil(deadlinesOf(text, year))
	t.Targets = nonNilT(targetsOf(text))
	return t
}

// addNotes merges responsibility notes into the task, each unit once.
func addNotes(t *Task, notes []unitNote) {
	for _, n := range notes {
		t.Units = appendNew(t.Units, n.units...)
		t.LeadUnits = appendNew(t.LeadUnits, n.lead...)
	}
}

func appendNew(list []string, names ...string) []string {
	for _, n := range names {
		dup := false
		for _, have := range list {
			if have == n {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, n)
		}
	}
	return list
}

// titleOf is the task's short heading: the first line up to its first 。.
func titleOf(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	if i := strings.Index(first, "。"); i >= 0 {
		first = first[:i]
	}
	return strings.TrimRight(trimSpace(first), "：:；;，,")
}

func nonNil(d []Deadline) []Deadline {
	if d == nil {
		return []Deadline{}
	}
	return d
}

func nonNilT(t []Target) []Target {
	if t == nil {
		return []Target{}
	}
	return t
}
