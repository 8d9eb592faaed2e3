package assesssvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
)

// Period reads a period key (2026, 2026-H1, 2026-Q1, 2026-03); "" is the
// current quarter. A key that names no period is invalid at "period".
func (s *Service) Period(key string) (ledger.Period, error) {
	if key == "" {
		return ledger.PeriodOf("quarter", s.Today())
	}
	p, err := ledger.ParsePeriod(key)
	if err != nil {
		return p, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"period": "assess.problem.period"},
			Labels: map[string]fault.Label{"period": {Key: "assess.period"}}, Err: err}
	}
	return p, nil
}

// Periods are the periods to choose from, latest first: this year's and
// last year's years, quarters and months, and the years and quarters of
// earlier years in which tasks fell due (at most ten back).
func (s *Service) Periods(ctx context.Context) []ledger.Period {
	today := s.Today()
	oldest := today.Year() - 1
	if first, _, err := s.Store.DueYears(ctx); err == nil && first != 0 && first < oldest {
		oldest = max(first, today.Year()-10)
	}
	return PeriodsSince(today, oldest)
}

// PeriodsSince are the periods from oldest's year to today that have
// begun, latest first: years and quarters, and the months of this year
// and last.
func PeriodsSince(today time.Time, oldest int) []ledger.Period {
	var out []ledger.Period
	for y := today.Year(); y >= oldest; y-- {
		add := func(every string, month int) {
			p, _ := ledger.PeriodOf(every, time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC))
			if !p.Start.After(today) {
				out = append(out, p)
			}
		}
		add("year", 1)
		for q := 4; q >= 1; q-- {
			add("quarter", q*3-2)
		}
		if y >= today.Year()-1 {
			for m := 12; m >= 1; m-- {
				add("month", m)
			}
		}
	}
	return out
}
