package plandoc

import "strings"

// milestonesOf reads progress steps, one per line: each step's due date is
// the time in its trailing bracket ((4月底前)) or on a line of its own after
// it (2022/01 ~ 2022/12), else the first date in it.
func milestonesOf(lines []string, year int) []Milestone {
	var out []Milestone
	for _, st := range stepLines(lines) {
		text, due := st.text, ""
		if st.time != "" {
			if ds := dueDates(deadlinesOf(st.time, year)); len(ds) > 0 {
				due = ds[0]
			}
		}
		if notes := parenNotes(text); due == "" && len(notes) > 0 {
			last := notes[len(notes)-1]
			if trailing(fold(text), last.end) {
				if ds := dueDates(deadlinesOf(text[last.start:last.end], year)); len(ds) > 0 {
					due = ds[0]
					text = strings.TrimRightFunc(text[:last.start], isOpen)
				}
			}
		}
		if due == "" {
			if ds := dueDates(deadlinesOf(text, year)); len(ds) > 0 {
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

// step is one progress step: its text and, when the time was printed on a
// line of its own after it, that time.
type step struct{ text, time string }

// stepLines rejoins a step that a table cell wrapped over several
// paragraphs: a line goes on the one before it when that one has not
// ended its sentence, or when it is only the step's time ((2014年),
// 2022/01 ~ 2022/12). Heading and list markers (### , - ) are dropped.
func stepLines(lines []string) []step {
	var out []step
	for _, ln := range lines {
		ln = strings.TrimLeft(trimSpace(ln), "#-*• \t")
		if ln == "" {
			continue
		}
		if n := len(out); n > 0 {
			prev := out[n-1].text
			ended := strings.HasSuffix(prev, "。") || strings.HasSuffix(prev, "；") || strings.HasSuffix(prev, ";") ||
				strings.HasSuffix(prev, "）") || strings.HasSuffix(prev, ")")
			switch {
			case onlyTime(ln) && out[n-1].time == "":
				out[n-1].time = ln
				continue
			case !ended && out[n-1].time == "":
				out[n-1].text = prev + ln
				continue
			}
		}
		out = append(out, step{text: ln})
	}
	return out
}

// onlyTime reports whether a line holds nothing but time expressions,
// brackets and punctuation.
func onlyTime(ln string) bool {
	ds := deadlinesOf(ln, 2000) // any year: only the shape matters
	if len(ds) == 0 {
		return false
	}
	rest := ln
	for _, d := range ds {
		rest = strings.Replace(rest, d.Text, "", 1)
	}
	return strings.Trim(rest, " \t\u3000（）()【】[]~～-—－至到，,。；;、") == ""
}
