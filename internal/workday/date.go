package workday

import (
	"fmt"
	"time"
)

const secondsPerDay = 86400

// dayOf returns t's calendar date in t's own location as a day number: days
// since 1970-01-01. Adding the zone offset before dividing is what makes
// 2026-02-15 00:30 in Asia/Shanghai count as the 15th, not the 14th.
func dayOf(t time.Time) int {
	offset := 0
	if t.Location() != time.UTC { // the usual case, and Zone is not free
		_, offset = t.Zone()
	}
	return floorDiv(int(t.Unix())+offset, secondsPerDay)
}

// timeOf turns a day number back into a date at UTC midnight.
func timeOf(d int) time.Time {
	return time.Unix(int64(d)*secondsPerDay, 0).UTC()
}

// floorDiv divides rounding towards minus infinity, so that day numbers
// before 1970 fall into the right week.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

// weekdayIndex numbers the days of the week from Monday (0) to Sunday (6);
// 1970-01-01 was a Thursday.
func weekdayIndex(d int) int { return floorMod(d+3, 7) }

func isWeekend(d int) bool { return weekdayIndex(d) >= 5 }

// Date returns the civil date year-month-day at UTC midnight. Like time.Date
// it normalises out-of-range values: Date(2026, 2, 29) is 2026-03-01.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// DateOf returns t's calendar date in t's own location, at UTC midnight: the
// way to turn a clock reading into the date that deadlines are counted from.
func DateOf(t time.Time) time.Time { return timeOf(dayOf(t)) }

// ParseDate parses a civil date written YYYY-MM-DD, as the notices write
// them, and returns it at UTC midnight. Anything else — 2026-2-5, a time of
// day, 2026-02-30 — is an error, because a deadline read wrong is worse than
// one refused.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("workday: bad date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}
