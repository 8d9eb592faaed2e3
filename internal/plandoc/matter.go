package plandoc

// Matter reads one 督办件 written as a line or a paragraph (an item of a
// meeting's 议定事项, a 交办 request) with the importer's own rules: its
// numbering label is dropped, its title is its first sentence, and its
// units (牵头/配合, in a note or the running prose), deadlines with the
// dates without a year in year, targets and weight are read as a plan's
// task's would be. Its path is empty: the register numbers it.
func Matter(text string, year int) Task {
	text = trimSpace(text)
	if _, _, n := matchLabel(text); n > 0 {
		text = trimSpace(text[n:])
	}
	t := taskFromText(nil, text, year)
	t.Path = []string{}
	return t
}

// Deadlines reads the deadlines and cadences written in text ("12月20日前",
// "每月", "2026年底前"), dates without a year in year.
func Deadlines(text string, year int) []Deadline {
	return nonNil(deadlinesOf(text, year))
}
