package supervise

import (
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/workday"
)

// ReportDue returns the day a period's report is due under the rules, and
// the nominal day before a day off moved it: the ReportDay-th of the
// period's last month (its last day when ReportDay is 0 or past the
// month's end), moved to the next working day when it is a day off — the
// Civil Code rule every deadline here follows. So 每月25日前报送 for
// October 2026 is due 2026-10-26, the 25th being a Sunday.
func ReportDue(r Rules, cal *workday.Calendar, p ledger.Period) (due, nominal time.Time) {
	end := workday.DateOf(p.End)
	nominal = end
	if r.ReportDay > 0 && r.ReportDay < end.Day() {
		nominal = workday.Date(end.Year(), end.Month(), r.ReportDay)
	}
	return cal.AddWorkdays(nominal, 0), nominal
}

// reportsMissing returns a report_missing event, on the first working day
// after the report was due, for every period whose report did not come.
func reportsMissing(r Rules, cal *workday.Calendar, t Task, have map[string]Event, today time.Time) ([]Event, error) {
	if t.RegisteredAt.IsZero() {
		// Without it the obligations would run from year 1.
		return nil, errors.New("supervise: a task with periodic reports needs its registration date")
	}
	registered := workday.DateOf(t.RegisteredAt)
	periods, err := ledger.Obligations(t.Every, registered, today, t.ReportedPeriods)
	if err != nil {
		return nil, fmt.Errorf("supervise: task %d: %w", t.ID, err)
	}
	var out []Event
	for _, p := range periods {
		due, _ := ReportDue(r, cal, p)
		// A period whose report day passed before the task was registered
		// owes nothing.
		if p.Reported || due.Before(registered) {
			continue
		}
		e := Event{Key: key(t.ID, string(KindReportMissing), p.Key), Kind: KindReportMissing,
			Due: due, Period: p.Key, On: cal.NextWorkday(due), Basis: due, Workdays: 1}
		if _, ok := have[e.Key]; ok || e.On.After(today) {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}
