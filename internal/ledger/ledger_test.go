package ledger

import (
	"testing"
	"time"
)

// weekdays is a calendar without holidays, enough for the rules' tests;
// the real calendar has its own brute-force tests.
type weekdays struct{}

func (weekdays) AddWorkdays(d time.Time, n int) time.Time {
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

func TestDerive(t *testing.T) {
	today := date(2026, 12, 1) // a Tuesday
	tests := []struct {
		w      Workflow
		due    time.Time
		status Status
		light  Light
	}{
		{Draft, date(2026, 11, 1), StatusDraft, Gray},
		{Registered, time.Time{}, StatusNotStarted, Green},
		{Registered, date(2026, 12, 31), StatusNotStarted, Green},
		{InProgress, date(2026, 12, 31), StatusOngoing, Green},
		{InProgress, date(2026, 12, 8), StatusDueSoon, Yellow}, // 5 working days from Tue 1 Dec is Tue 8 Dec
		{InProgress, date(2026, 12, 9), StatusOngoing, Green},  // one day beyond
		{Registered, date(2026, 12, 1), StatusDueSoon, Yellow}, // due today: not yet late
		{InProgress, date(2026, 11, 30), StatusOverdue, Red},
		{Pending, date(2026, 11, 30), StatusPending, Red},
		{Pending, date(2026, 12, 31), StatusPending, Green},
		{Closed, date(2026, 11, 30), StatusClosed, Blue},
	}
	for _, tt := range tests {
		s, l := Derive(tt.w, tt.due, today, weekdays{}, DefaultRules)
		if s != tt.status || l != tt.light {
			t.Errorf("Derive(%s, %s) = %s %s, want %s %s", tt.w, tt.due.Format("2006-01-02"), s, l, tt.status, tt.light)
		}
	}
}

func TestNextDue(t *testing.T) {
	final := date(2026, 12, 31)
	cps := []Checkpoint{{Due: date(2026, 3, 31), Done: true}, {Due: date(2026, 6, 30)}, {Due: date(2026, 9, 30)}}
	if got := NextDue(cps, final); !got.Equal(date(2026, 6, 30)) {
		t.Errorf("NextDue = %v", got)
	}
	if got := NextDue(nil, time.Time{}); !got.IsZero() {
		t.Errorf("NextDue with no dates = %v", got)
	}
	if got := FinalDue([]time.Time{date(2018, 12, 31), date(2020, 12, 31), {}}); !got.Equal(date(2020, 12, 31)) {
		t.Errorf("FinalDue = %v", got)
	}
}

func TestObligations(t *testing.T) {
	from, today := date(2026, 2, 10), date(2026, 8, 15)
	ps, err := Obligations("quarter", from, today, map[string]bool{"2026-Q1": true})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		key  string
		owed bool
	}{{"2026-Q1", false}, {"2026-Q2", true}, {"2026-Q3", false}}
	if len(ps) != len(want) {
		t.Fatalf("periods %+v", ps)
	}
	for i, w := range want {
		if ps[i].Key != w.key || ps[i].Owed(today) != w.owed {
			t.Errorf("period %d = %s owed %v, want %s %v", i, ps[i].Key, ps[i].Owed(today), w.key, w.owed)
		}
	}
	if ps[2].Label != "2026年第三季度" {
		t.Errorf("label %q", ps[2].Label)
	}
	for _, c := range []struct {
		every string
		d     time.Time
		key   string
		end   time.Time
	}{
		{"month", date(2024, 2, 10), "2024-02", date(2024, 2, 29)},
		{"half-year", date(2026, 7, 1), "2026-H2", date(2026, 12, 31)},
		{"year", date(2026, 7, 1), "2026", date(2026, 12, 31)},
		{"quarter", date(2026, 12, 31), "2026-Q4", date(2026, 12, 31)},
	} {
		p, err := PeriodOf(c.every, c.d)
		if err != nil || p.Key != c.key || !p.End.Equal(c.end) {
			t.Errorf("PeriodOf(%s, %v) = %+v, %v", c.every, c.d, p, err)
		}
	}
	if _, err := PeriodOf("week", today); err == nil {
		t.Error("unknown cadence accepted")
	}
}

// TestWorkflowOpen: only a registered or reported task is worked on.
func TestWorkflowOpen(t *testing.T) {
	for w, want := range map[Workflow]bool{Draft: false, Registered: true, InProgress: true, Pending: false, Closed: false} {
		if w.Open() != want {
			t.Errorf("%s.Open() = %v, want %v", w, !want, want)
		}
	}
}

func TestDueDeadline(t *testing.T) {
	for _, c := range []struct {
		next, final string
		deadlines   []string
		want        string
	}{
		{"2026-03-31", "2026-06-30", []string{"2026-03-31", "2026-06-30"}, "2026-03-31"},
		{"2026-03-10", "2026-06-30", []string{"2026-06-30"}, "2026-06-30"}, // a milestone is next
		{"", "", nil, ""},
	} {
		if got := DueDeadline(c.next, c.final, c.deadlines); got != c.want {
			t.Errorf("DueDeadline(%q, %q, %v) = %q, want %q", c.next, c.final, c.deadlines, got, c.want)
		}
	}
}
