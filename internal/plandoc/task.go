package plandoc

import (
	"regexp"
	"strconv"
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
	t.Weight = scoreOf(text)
	return t
}

// scoreNote is a score written beside an item of an assessment sheet:
// 按规定时间编报年度计划（5分）, （满分10分）, （权重15）.
var scoreNote = regexp.MustCompile(`^(?:满分|分值|权重|计)?\s*([0-9]+(?:\.[0-9]+)?)\s*分?$`)

// scoreLine is a labelled line of its own: 分值：10分.
var scoreLine = regexp.MustCompile(`^(?:分值|权重|标准分|满分)\s*[：:]\s*([0-9]+(?:\.[0-9]+)?)\s*分?$`)

// scoreOf reads the weight from a labelled line (分值：10分) or else from
// the first bracket of the task's first line that holds nothing but a score.
func scoreOf(text string) *float64 {
	for _, ln := range strings.Split(text, "\n") {
		if m := scoreLine.FindStringSubmatch(fold(trimSpace(ln))); m != nil {
			if w, err := strconv.ParseFloat(m[1], 64); err == nil {
				return &w
			}
		}
	}
	first, _, _ := strings.Cut(text, "\n")
	for _, sp := range parenNotes(first) {
		inner := fold(first[sp.start:sp.end])
		m := scoreNote.FindStringSubmatch(inner)
		if m == nil || !(strings.Contains(inner, "分") || strings.Contains(inner, "权重")) {
			continue
		}
		if w, err := strconv.ParseFloat(m[1], 64); err == nil {
			return &w
		}
	}
	return nil
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

// titleOf is the task's short heading: the first line up to its first 。,
// or up to its colon when a list of items separated by ；follows it.
func titleOf(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	if i := strings.Index(first, "。"); i >= 0 {
		first = first[:i]
	}
	// 知识产权保护方面5项：甲；乙；丙 — a heading that introduces a list
	// after its colon ends at the colon.
	if head, list, ok := strings.Cut(first, "："); ok && strings.Count(list, "；") >= 1 && head != "" {
		first = head
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
