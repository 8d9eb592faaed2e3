package supervise

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/workday"
)

// TestIssueByHand: a notice issued by hand on the Friday before 国庆 2026
// takes the first level and counts its 限期整改 over the holiday.
func TestIssueByHand(t *testing.T) {
	cal := workday.Default()
	today := time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	rules := Default()
	e, err := Issue(Task{ID: 42, NextDue: today.AddDate(0, 0, -10)}, rules, today, cal)
	if err != nil {
		t.Fatal(err)
	}
	l := rules.Ladder[0]
	if e.Key != "t42/issued/2026-09-30" || e.Kind != KindIssued || e.Label != l.Label || !e.On.Equal(today) || !e.OnTime() {
		t.Errorf("event %+v", e)
	}
	if want := cal.AddWorkdays(today, l.RectifyWorkdays); !e.Deadline.Equal(want) || !e.Deadline.After(time.Date(2026, 10, 8, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("deadline %s, want %s, after the 国庆 holiday", e.Deadline.Format(time.DateOnly), want.Format(time.DateOnly))
	}
	if x := Explain(e, cal, zhCN); !strings.Contains(x, "督查室于 2026-09-30") || !strings.Contains(x, "限期整改") {
		t.Errorf("explanation %q", x)
	}
	if _, err := Issue(Task{ID: 1}, Rules{}, today, cal); !errors.Is(err, ErrNoLadder) {
		t.Errorf("no ladder: %v", err)
	}
}

// TestIssuedNoticeEscalates: the notice issued by hand on 2026-09-30 is
// due by 10-13 (国庆 skipped, 10-10 a 调休 Saturday worked). Unanswered,
// it turns yellow one working day later (10-14, due 10-19), red on 10-20
// (due 10-22) and 挂牌督办 on 10-23; an answer stops the climb.
func TestIssuedNoticeEscalates(t *testing.T) {
	cal := workday.Default()
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	rules := Default()
	task := Task{ID: 42, Workflow: "in_progress", RegisteredAt: d("2026-09-01")}
	issued, err := Issue(task, rules, d("2026-09-30"), cal)
	if err != nil {
		t.Fatal(err)
	}
	if got := issued.Deadline.Format(time.DateOnly); got != "2026-10-13" {
		t.Fatalf("issued notice due %s, want 2026-10-13", got)
	}
	due := func(today string, history ...Event) []Event {
		t.Helper()
		out, err := Due(rules, cal, task, history, d(today))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := due("2026-10-13", issued); len(got) != 0 {
		t.Errorf("on its deadline: %+v", got)
	}
	got := due("2026-10-14", issued)
	if len(got) != 1 || got[0].Key != "t42/issued/2026-09-30/yellow" || got[0].Kind != KindEscalate ||
		got[0].On.Format(time.DateOnly) != "2026-10-14" || got[0].Deadline.Format(time.DateOnly) != "2026-10-19" {
		t.Fatalf("the day after: %+v", got)
	}
	yellow := got[0]
	if x := Explain(yellow, cal, zhCN); !strings.Contains(x, "督查室下发的督办单限期整改至 2026-10-13") {
		t.Errorf("explanation %q", x)
	}
	got = due("2026-10-23", issued, yellow)
	if len(got) != 2 || got[0].Level != "red" || got[0].On.Format(time.DateOnly) != "2026-10-20" ||
		got[1].Level != "listed" || got[1].On.Format(time.DateOnly) != "2026-10-23" {
		t.Errorf("caught up on 10-23: %+v", got)
	}
	yellow.Answered = true
	if got := due("2026-12-31", issued, yellow); len(got) != 0 {
		t.Errorf("after the yellow notice was answered: %+v", got)
	}
	issued.Answered = true
	if got := due("2026-12-31", issued); len(got) != 0 {
		t.Errorf("after the issued notice was answered: %+v", got)
	}
}
