package plandoc

import (
	"strconv"
	"strings"
)

// mergeRow adds a row's units, deadlines, milestones and weight to t.
func mergeRow(t *Task, row []string, c columns, year int) {
	if txt := c.value(row, c.task); txt != "" && !strings.Contains(t.Text, txt) {
		t.Text += "\n" + txt
	}
	for _, uc := range c.units {
		v := strings.ReplaceAll(c.value(row, uc.at), "\n", "、")
		n := parseNote(v, fold(v))
		t.Units = appendNew(t.Units, n.units...)
		t.LeadUnits = appendNew(t.LeadUnits, n.lead...)
		if uc.lead {
			t.LeadUnits = appendNew(t.LeadUnits, n.units...)
		}
	}
	addDetails(t, row, c)
	if v := c.value(row, c.deadline); v != "" {
		if d, ok := serialDate(v); ok {
			v = d
		}
		t.Deadlines = mergeDeadlines(t.Deadlines, timeCellDeadlines(v, year))
	}
	if v := c.value(row, c.milestones); v != "" {
		for _, ms := range milestonesOf(strings.Split(v, "\n"), year) {
			if hasMilestone(t.Milestones, ms.Text) {
				continue // a merged cell repeats its step on every row it spans
			}
			t.Milestones = append(t.Milestones, ms)
			if ms.Due != "" {
				t.Deadlines = mergeDeadlines(t.Deadlines, []Deadline{{Text: ms.Text, Due: ms.Due}})
			}
		}
	}
	if v := c.value(row, c.count); v != "" {
		t.Targets = append(t.Targets, countTargets(v, c.measure)...)
	}
	if v := strings.TrimSuffix(c.value(row, c.weight), "分"); v != "" {
		if w, err := strconv.ParseFloat(asciiDigits(v), 64); err == nil {
			t.Weight = &w
		}
	}
}
