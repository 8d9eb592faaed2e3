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
	if x := Explain(e, cal); !strings.Contains(x, "督查室于 2026-09-30") || !strings.Contains(x, "限期整改") {
		t.Errorf("explanation %q", x)
	}
	if _, err := Issue(Task{ID: 1}, Rules{}, today, cal); !errors.Is(err, ErrNoLadder) {
		t.Errorf("no ladder: %v", err)
	}
}
