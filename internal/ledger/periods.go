package ledger

import (
	"fmt"
	"time"
)

// Period is one reporting period of a recurring task (每月, 每季度, 每半年,
// 每年): its key, its first and last day, and whether a report for it came.
type Period struct {
	Key      string    // "2026", "2026-H1", "2026-Q3", "2026-07"
	Label    string    // 2026年第三季度
	Start    time.Time // first day
	End      time.Time // last day; a report is owed once it has passed
	Reported bool
}

// Owed reports whether the period ended before today without a report.
func (p Period) Owed(today time.Time) bool { return !p.Reported && today.After(p.End) }

// PeriodOf is the period of cadence every that holds day d.
func PeriodOf(every string, d time.Time) (Period, error) {
	y, m := d.Year(), int(d.Month())
	switch every {
	case "year":
		return Period{Key: fmt.Sprint(y), Label: fmt.Sprintf("%d年", y), Start: date(y, 1, 1), End: date(y, 12, 31)}, nil
	case "half-year":
		if m <= 6 {
			return Period{Key: fmt.Sprintf("%d-H1", y), Label: fmt.Sprintf("%d年上半年", y), Start: date(y, 1, 1), End: date(y, 6, 30)}, nil
		}
		return Period{Key: fmt.Sprintf("%d-H2", y), Label: fmt.Sprintf("%d年下半年", y), Start: date(y, 7, 1), End: date(y, 12, 31)}, nil
	case "quarter":
		q := (m-1)/3 + 1
		start := date(y, (q-1)*3+1, 1)
		return Period{Key: fmt.Sprintf("%d-Q%d", y, q), Label: fmt.Sprintf("%d年第%s季度", y, "一二三四"[(q-1)*3:q*3]),
			Start: start, End: start.AddDate(0, 3, -1)}, nil
	case "month":
		start := date(y, m, 1)
		return Period{Key: fmt.Sprintf("%d-%02d", y, m), Label: fmt.Sprintf("%d年%d月", y, m), Start: start, End: start.AddDate(0, 1, -1)}, nil
	}
	return Period{}, fmt.Errorf("ledger: unknown cadence %q", every)
}

// Obligations lists the periods of cadence every from the one holding
// from (the day the task was registered) to the one holding today, each
// marked reported when reported holds its key.
func Obligations(every string, from, today time.Time, reported map[string]bool) ([]Period, error) {
	var out []Period
	for d := from; !d.After(today); {
		p, err := PeriodOf(every, d)
		if err != nil {
			return nil, err
		}
		p.Reported = reported[p.Key]
		out = append(out, p)
		d = p.End.AddDate(0, 0, 1)
		if len(out) > 1200 { // a century of months: a wrong date, not a ledger
			break
		}
	}
	return out, nil
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// ParsePeriod reads a period key ("2026", "2026-H1", "2026-Q3",
// "2026-07") back into its period.
func ParsePeriod(key string) (Period, error) {
	var y, n int
	var every string
	switch {
	case len(key) == 4:
		every, n = "year", 1
		_, err := fmt.Sscanf(key, "%4d", &y)
		if err != nil {
			return Period{}, fmt.Errorf("ledger: period %q: %w", key, err)
		}
	case len(key) == 7 && key[5] == 'H':
		every = "half-year"
		if _, err := fmt.Sscanf(key, "%4d-H%1d", &y, &n); err != nil || n < 1 || n > 2 {
			return Period{}, fmt.Errorf("ledger: period %q: want 2026-H1 or 2026-H2", key)
		}
		n = (n-1)*6 + 1
	case len(key) == 7 && key[5] == 'Q':
		every = "quarter"
		if _, err := fmt.Sscanf(key, "%4d-Q%1d", &y, &n); err != nil || n < 1 || n > 4 {
			return Period{}, fmt.Errorf("ledger: period %q: want 2026-Q1 … 2026-Q4", key)
		}
		n = (n-1)*3 + 1
	case len(key) == 7:
		every = "month"
		if _, err := fmt.Sscanf(key, "%4d-%2d", &y, &n); err != nil || n < 1 || n > 12 {
			return Period{}, fmt.Errorf("ledger: period %q: want 2026-01 … 2026-12", key)
		}
	default:
		return Period{}, fmt.Errorf("ledger: period %q: want 2026, 2026-H1, 2026-Q1 or 2026-01", key)
	}
	if y < 1900 || y > 2200 {
		return Period{}, fmt.Errorf("ledger: period %q: year out of range", key)
	}
	p, err := PeriodOf(every, date(y, n, 1))
	if err == nil && p.Key != key {
		err = fmt.Errorf("ledger: period %q is not written as %q", key, p.Key)
	}
	return p, err
}
