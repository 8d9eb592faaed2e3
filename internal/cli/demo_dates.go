package cli

import (
	"time"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// The demo plans were written for 2014–2022; imported as they are, every
// deadline is years past and half the product shows nothing. The demo
// keeps the documents' text and replays each plan's timetable around the
// day the demo is created:
//
//   - each plan's deadlines, from its earliest to its latest, are spread
//     in proportion over demoSpan starting demoFirst before today, so that
//     their order and spacing stay the document's, the first ones are some
//     weeks overdue (days, not years), others fall due in the coming days
//     and the rest over the next months. A plan is mapped on its own span
//     rather than all five on one, because their years differ: on one span
//     the oldest plan would be all overdue and the newest all far ahead.
//   - a task the document gives no date (most of them: 长期坚持, or
//     nothing said) is given one as an office does at review before 挂号:
//     the day its place in the plan implies, the plan's tasks in document
//     order spread over demoPlaced from the same first day. Without it the assessment, which
//     scores tasks due in the period, would rank only the few units of the
//     dated tasks.
//   - the plans are registered (挂号) demoLead before today, before their
//     first deadline, so that supervision has had time to remind, press
//     and issue 督办单 for what is overdue.
//
// One offset for every date, or each year mapped onto this one, would not
// do: the plans' deadlines are mostly 12-31 of seven different years, so
// either leaves tasks months or years overdue, or none due this week.
// What it cannot give: in a quarter's first weeks few tasks have fallen
// due in it yet, so the default period ranks fewer units until about six
// weeks in, as an office's own ledger would.
//
// Only the demo seed does this, through the review's own edit (a draft's
// deadlines corrected before 挂号); a real import keeps the dates it reads.
const (
	demoFirst = 6 * 7 * 24 * time.Hour // the earliest deadline of a plan: six weeks ago
	demoSpan  = 210 * 24 * time.Hour   // from there to a plan's latest deadline: seven months
	// demoPlaced: the span over which the tasks the document leaves
	// undated are placed, shorter than demoSpan, as an office gives
	// 长期坚持 items near checkpoints; on demoSpan too few of them fall
	// due in a quarter's first six weeks and the default period ranked
	// only ten units.
	demoPlaced = 120 * 24 * time.Hour   // four months
	demoLead   = 8 * 7 * 24 * time.Hour // registered eight weeks ago
	demoAlone  = 4 * 24 * time.Hour     // a plan with a single deadline date: in four days
	isoDay     = time.DateOnly          // the plan documents' dates
	dayLength  = 24 * time.Hour         // for whole days
)

// demoTimetable maps each ISO date of one plan's tasks (deadlines and
// milestones) onto the demo's days around today, as described above.
func demoTimetable(tasks []records.Task, today time.Time) func(string) string {
	var lo, hi time.Time
	for _, t := range tasks {
		for _, d := range taskDates(t.Task) {
			if lo.IsZero() || d.Before(lo) {
				lo = d
			}
			if d.After(hi) {
				hi = d
			}
		}
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	start := today.Add(-demoFirst)
	return func(iso string) string {
		d, err := time.Parse(isoDay, iso)
		if err != nil {
			return iso // no date: nothing to move
		}
		if !hi.After(lo) {
			return today.Add(demoAlone).Format(isoDay)
		}
		frac := float64(d.Sub(lo)) / float64(hi.Sub(lo))
		days := time.Duration(frac*float64(demoSpan/dayLength) + 0.5)
		return start.Add(days * dayLength).Format(isoDay)
	}
}

// demoPlace is the deadline of the i-th of n tasks of a plan that names
// no date: its place in the document, spread over demoPlaced.
func demoPlace(i, n int, today time.Time) plandoc.Deadline {
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	frac := 0.0
	if n > 1 {
		frac = float64(i) / float64(n-1)
	}
	days := time.Duration(frac*float64(demoPlaced/dayLength) + 0.5)
	iso := today.Add(-demoFirst).Add(days * dayLength).Format(isoDay)
	return plandoc.Deadline{Text: iso, Due: iso}
}

// taskDates are the dates a task's deadlines and milestones name.
func taskDates(t plandoc.Task) []time.Time {
	var out []time.Time
	for _, iso := range append(deadlineDays(t.Deadlines), milestoneDays(t.Milestones)...) {
		if d, err := time.Parse(isoDay, iso); err == nil {
			out = append(out, d)
		}
	}
	return out
}

func deadlineDays(ds []plandoc.Deadline) []string {
	out := make([]string, 0, len(ds))
	for _, d := range ds {
		out = append(out, d.Due)
	}
	return out
}

func milestoneDays(ms []plandoc.Milestone) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, m.Due)
	}
	return out
}

// retimed is a task's deadlines and milestones with their dates mapped
// by move, their text (what the document says) kept; ok is false when the
// task names no date.
func retimed(t plandoc.Task, move func(string) string) (ds []plandoc.Deadline, ms []plandoc.Milestone, ok bool) {
	ds = make([]plandoc.Deadline, len(t.Deadlines))
	for i, d := range t.Deadlines {
		ds[i] = d
		if d.Due != "" {
			ds[i].Due, ok = move(d.Due), true
		}
	}
	ms = make([]plandoc.Milestone, len(t.Milestones))
	for i, m := range t.Milestones {
		ms[i] = m
		if m.Due != "" {
			ms[i].Due, ok = move(m.Due), true
		}
	}
	return ds, ms, ok
}
