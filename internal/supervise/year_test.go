package supervise

import (
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/workday"
)

func d(s string) time.Time {
	t, err := workday.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

// yearTasks are the simulated plan's tasks on the 2026 calendar: due dates
// just before 春节 (02-15..23 off, 02-14 and 02-28 调休上班) and around 国庆
// (中秋 09-25..27 and 国庆 10-01..07 off, 09-20 and 10-10 调休上班).
func yearTasks() []Task {
	reg := d("2026-01-05")
	allBut := func(keys []string, skip ...string) map[string]bool {
		m := map[string]bool{}
		for _, k := range keys {
			if !slices.Contains(skip, k) {
				m[k] = true
			}
		}
		return m
	}
	var months, quarters []string
	for m := 1; m <= 12; m++ {
		months = append(months, workday.Date(2026, time.Month(m), 1).Format("2006-01"))
	}
	for q := 1; q <= 4; q++ {
		quarters = append(quarters, "2026-Q"+string(rune('0'+q)))
	}
	return []Task{
		{ID: 1, NextDue: d("2026-02-13"), Workflow: ledger.InProgress, RegisteredAt: reg}, // never done
		{ID: 2, NextDue: d("2026-09-30"), Workflow: ledger.InProgress, RegisteredAt: d("2026-06-01")},
		{ID: 3, NextDue: d("2026-10-03"), Workflow: ledger.Registered, RegisteredAt: reg}, // due on a holiday; answers its blue notice
		{ID: 4, NextDue: d("2026-05-29"), Workflow: ledger.InProgress, RegisteredAt: reg}, // closed on 06-05
		{ID: 5, Every: "month", Workflow: ledger.InProgress, RegisteredAt: reg, // misses March and October
			ReportedPeriods: allBut(months, "2026-03", "2026-10")},
		{ID: 6, Every: "quarter", Workflow: ledger.InProgress, RegisteredAt: reg, // misses Q3
			ReportedPeriods: allBut(quarters, "2026-Q3")},
	}
}

// wantYear is every event of the simulated year, counted by hand on the
// 2026 calendar with Default rules (remind 3 working days before; 催办 the
// first working day after; blue 2 after the 催办 with 5 to rectify; yellow,
// red, listed each 1 after the previous deadline with 3, 2, 2 to rectify).
var wantYear = map[string]string{
	// Task 1, due Fri 02-13.
	"t1/remind/2026-02-13":        "2026-02-10", // 02-10,11,12 lie before the 13th
	"t1/press/2026-02-13":         "2026-02-14", // Sat 02-14 is 调休上班
	"t1/notice/blue/2026-02-13":   "2026-02-25", // 02-15..23 春节 off: 02-24, 02-25; deadline 03-03 (26,27,28调休,03-02,03)
	"t1/notice/yellow/2026-02-13": "2026-03-04", // deadline 03-09 (05,06,09)
	"t1/notice/red/2026-02-13":    "2026-03-10", // deadline 03-12 (11,12)
	"t1/notice/listed/2026-02-13": "2026-03-13", // deadline 03-17 (16,17); top of the ladder
	// Task 2, due Wed 09-30.
	"t2/remind/2026-09-30":        "2026-09-24", // 09-29, 09-28, (中秋 09-25..27 off), 09-24
	"t2/press/2026-09-30":         "2026-10-08", // 国庆 10-01..07 off
	"t2/notice/blue/2026-09-30":   "2026-10-10", // 10-09, Sat 10-10 调休上班; deadline 10-16
	"t2/notice/yellow/2026-09-30": "2026-10-19", // deadline 10-22
	"t2/notice/red/2026-09-30":    "2026-10-23", // deadline 10-27
	"t2/notice/listed/2026-09-30": "2026-10-28", // deadline 10-30
	// Task 3, due Sat 10-03 in 国庆: effectively Thu 10-08.
	"t3/remind/2026-10-03":      "2026-09-28", // back from 10-08: 09-30, 09-29, 09-28
	"t3/press/2026-10-03":       "2026-10-09", // the working day after 10-08
	"t3/notice/blue/2026-10-03": "2026-10-12", // 10-10调休, 10-12; deadline 10-19; answered 10-15, so no yellow
	// Task 4, due Fri 05-29, closed 06-05.
	"t4/remind/2026-05-29":      "2026-05-26", // 05-26,27,28
	"t4/press/2026-05-29":       "2026-06-01", // Mon
	"t4/notice/blue/2026-05-29": "2026-06-03", // 06-02, 06-03; closed before yellow (06-11)
	// Task 5, monthly by the 25th.
	"t5/report_missing/2026-03": "2026-03-26", // due Wed 03-25
	"t5/report_missing/2026-10": "2026-10-27", // 10-25 is a Sunday: due Mon 10-26
	// Task 6, quarterly by the 25th of the last month.
	"t6/report_missing/2026-Q3": "2026-09-29", // 09-25 中秋: due Mon 09-28
}

// simulate runs the year day by day, skipping the days in down, and returns
// every event recorded. It applies the world's changes as they happen: task
// 4 is closed on 06-05, task 3 answers its blue notice from 10-15.
func simulate(t *testing.T, down func(time.Time) bool) map[string]Event {
	t.Helper()
	cal, rules := workday.Default(), Default()
	tasks := yearTasks()
	history := map[int64][]Event{}
	all := map[string]Event{}
	for today := d("2026-01-01"); today.Year() == 2026; today = today.AddDate(0, 0, 1) {
		if today.Equal(d("2026-06-05")) {
			tasks[3].Workflow = ledger.Closed
		}
		if down(today) {
			continue
		}
		for _, task := range tasks {
			got, err := Due(rules, cal, task, history[task.ID], today)
			if err != nil {
				t.Fatalf("%s: task %d: %v", day(today), task.ID, err)
			}
			for _, e := range got {
				if _, dup := all[e.Key]; dup {
					t.Errorf("%s: %s came out twice", day(today), e.Key)
				}
				if !cal.IsWorkday(e.On) {
					t.Errorf("%s: %s falls on a day off: %s", day(today), e.Key, day(e.On))
				}
				if e.On.After(today) {
					t.Errorf("%s: %s is in the future: %s", day(today), e.Key, day(e.On))
				}
				all[e.Key] = e
			}
			history[task.ID] = append(history[task.ID], got...)
		}
		if !today.Before(d("2026-10-15")) {
			for i, e := range history[3] {
				if e.Kind == KindNotice {
					history[3][i].Answered = true
				}
			}
		}
	}
	return all
}

func onDates(events map[string]Event) map[string]string {
	m := map[string]string{}
	for k, e := range events {
		m[k] = day(e.On)
	}
	return m
}

func TestSimulatedYear(t *testing.T) {
	daily := simulate(t, func(time.Time) bool { return false })
	if got := onDates(daily); !maps.Equal(got, wantYear) {
		for _, k := range slices.Sorted(maps.Keys(wantYear)) {
			if got[k] != wantYear[k] {
				t.Errorf("%s: got %q, want %s", k, got[k], wantYear[k])
			}
		}
		for _, k := range slices.Sorted(maps.Keys(got)) {
			if _, ok := wantYear[k]; !ok {
				t.Errorf("unexpected %s on %s", k, got[k])
			}
		}
	}
	for k, e := range daily {
		if !e.OnTime() {
			t.Errorf("%s: a daily run should record it on time (recorded %s, on %s)", k, day(e.Recorded), day(e.On))
		}
	}
}

// TestSimulatedYearRestart stops the process for 30 days over 春节 and for
// 30 days over 国庆; the run that follows each outage must catch up exactly
// the events the daily run produced — same keys, On dates and deadlines.
func TestSimulatedYearRestart(t *testing.T) {
	outages := [][2]time.Time{
		{d("2026-02-12"), d("2026-03-13")}, // back on 03-14
		{d("2026-09-17"), d("2026-10-16")}, // back on 10-17
	}
	down := func(x time.Time) bool {
		for _, o := range outages {
			if !x.Before(o[0]) && !x.After(o[1]) {
				return true
			}
		}
		return false
	}
	daily := simulate(t, func(time.Time) bool { return false })
	restarted := simulate(t, down)
	if len(restarted) != len(daily) {
		t.Errorf("restarted run has %d events, daily %d", len(restarted), len(daily))
	}
	late := 0
	for k, want := range daily {
		got, ok := restarted[k]
		if !ok {
			t.Errorf("%s missed after restart", k)
			continue
		}
		if !got.On.Equal(want.On) || !got.Deadline.Equal(want.Deadline) || got.Kind != want.Kind {
			t.Errorf("%s: restarted %s/%s/%s, daily %s/%s/%s", k, got.Kind, day(got.On), day(got.Deadline),
				want.Kind, day(want.On), day(want.Deadline))
		}
		if down(want.On) {
			late++
			if got.OnTime() {
				t.Errorf("%s: caught up on %s but marked on time", k, day(got.Recorded))
			}
		} else if !got.OnTime() {
			t.Errorf("%s: recorded %s, not on its day %s", k, day(got.Recorded), day(got.On))
		}
	}
	if late < 10 { // the outages must really cover events, or the test proves nothing
		t.Errorf("only %d events fell in the outages", late)
	}
}
