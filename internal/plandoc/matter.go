package plandoc

import "strings"

// Matter reads one 督办件 written as a line or a paragraph (an item of a
// meeting's 议定事项, a 交办 request) with the importer's own rules: its
// numbering label is dropped, its units (牵头/配合, in a note or the
// running prose), deadlines with the dates without a year in year,
// targets and weight are read as a plan's task's would be. Its title is
// its first sentence without the responsibility notes and the deadline
// clauses read from it, which the task keeps as units and deadlines. Its
// path is empty: the register numbers it.
func Matter(text string, year int) Task {
	text = trimSpace(text)
	if _, _, n := matchLabel(text); n > 0 {
		text = trimSpace(text[n:])
	}
	t := taskFromText(nil, text, year)
	t.Path = []string{}
	if title := matterTitle(t); title != "" {
		t.Title = title
	}
	return t
}

// matterTitle is t's title less the brackets that name its units and
// the clauses (between commas) that hold a deadline it read.
func matterTitle(t Task) string {
	title := t.Title
	units := append(append([]string{}, t.LeadUnits...), t.Units...)
	for _, sp := range parenNotes(title) {
		inner := title[sp.start:sp.end]
		for _, u := range units {
			if strings.Contains(inner, u) {
				title = strings.Replace(title, "（"+inner+"）", "", 1)
				title = strings.Replace(title, "("+inner+")", "", 1)
				break
			}
		}
	}
	clauses := strings.Split(title, "，")
	kept := clauses[:0]
	for i, c := range clauses {
		dated := false
		for _, d := range t.Deadlines {
			if d.Text != "" && strings.Contains(c, d.Text) {
				dated = true
			}
		}
		if !dated || i == 0 {
			kept = append(kept, c)
		}
	}
	return strings.TrimRight(trimSpace(strings.Join(kept, "，")), "：:；;，,")
}

// Deadlines reads the deadlines and cadences written in text ("12月20日前",
// "每月", "2026年底前"), dates without a year in year.
func Deadlines(text string, year int) []Deadline {
	return nonNil(deadlinesOf(text, year))
}
