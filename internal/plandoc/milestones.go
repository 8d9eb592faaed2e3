package plandoc

import "strings"

// milestonesOf reads progress steps, one per line: each step's due date is
// the time in its trailing bracket ((4月底前)), else the first date in it.
func milestonesOf(lines []string, year int) []Milestone {
	var out []Milestone
	for _, ln := range stepLines(lines) {
		ln = trimSpace(ln)
		if ln == "" {
			continue
		}
		text, due := ln, ""
		if notes := parenNotes(ln); len(notes) > 0 {
			last := notes[len(notes)-1]
			if trailing(fold(ln), last.end) {
				if ds := dueDates(deadlinesOf(ln[last.start:last.end], year)); len(ds) > 0 {
					due = ds[0]
					text = strings.TrimRightFunc(ln[:last.start], isOpen)
				}
			}
		}
		if due == "" {
			if ds := dueDates(deadlinesOf(ln, year)); len(ds) > 0 {
				due = ds[0]
			}
		}
		text = strings.TrimRight(trimSpace(text), "。；;，,.")
		out = append(out, Milestone{Text: text, Due: due})
	}
	return out
}

func dueDates(ds []Deadline) []string {
	var out []string
	for _, d := range ds {
		if d.Due != "" {
			out = append(out, d.Due)
		}
	}
	return out
}

// stepLines rejoins a step that a table cell wrapped over several
// paragraphs: a line goes on the one before it when that one has not
// ended its sentence, or when it is only the step's time ((2014年)).
func stepLines(lines []string) []string {
	var out []string
	for _, ln := range lines {
		ln = trimSpace(ln)
		if ln == "" {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1]
			ended := strings.HasSuffix(prev, "。") || strings.HasSuffix(prev, "；") || strings.HasSuffix(prev, ";") ||
				strings.HasSuffix(prev, "）") || strings.HasSuffix(prev, ")")
			onlyTime := strings.IndexAny(ln, "（(") == 0 && len(parenNotes(ln)) == 1 && trailing(fold(ln), parenNotes(ln)[0].end) && len(deadlinesOf(ln, 0)) > 0
			if !ended || onlyTime {
				out[n-1] = prev + ln
				continue
			}
		}
		out = append(out, ln)
	}
	return out
}
