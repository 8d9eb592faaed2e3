package workday

import (
	"slices"
	"time"
)

// Calendar is a working-day calendar: the plain Monday-to-Friday rule with
// the days of the loaded schedules and corrections laid over it. Build one
// with New or Default and derive others with With; a Calendar never changes
// after it is built, so it is safe for concurrent use.
type Calendar struct {
	listed  map[int]Day  // by day number: the entry in force for each listed date
	covered map[int]bool // notice years of which at least one day was loaded
	idx     index
}

// New returns the calendar made of days laid over the plain rule. Where a
// date is listed more than once the later entry wins, so days should come in
// the order their notices were issued.
func New(days []Day) *Calendar {
	return (&Calendar{}).With(days...)
}

// With returns a new calendar: c with overrides laid over it, later ones
// winning. An override is a whole schedule being loaded (its days carry their
// NoticeYear), an administrator's correction of a single day, or a
// jurisdiction's own holiday. c itself is unchanged, so deadlines computed on
// it can be compared with the new ones when a change moves them.
func (c *Calendar) With(overrides ...Day) *Calendar {
	n := &Calendar{
		listed:  make(map[int]Day, len(c.listed)+len(overrides)),
		covered: make(map[int]bool, len(c.covered)+1),
	}
	for k, v := range c.listed {
		n.listed[k] = v
	}
	for y := range c.covered {
		n.covered[y] = true
	}
	for _, d := range overrides {
		d.Date = DateOf(d.Date)
		n.listed[dayOf(d.Date)] = d
		if d.NoticeYear != 0 {
			n.covered[d.NoticeYear] = true
		}
	}
	n.idx = buildIndex(n.listed)
	return n
}

// Day returns what d is: a working day, a weekend day, a holiday (with its
// name) or a weekend day worked for a holiday (调休上班, with the name of
// the holiday it pays for).
func (c *Calendar) Day(d time.Time) DayInfo {
	x := dayOf(d)
	info := DayInfo{Date: timeOf(x), Kind: Workday}
	weekend := isWeekend(x)
	l, listed := c.listed[x]
	switch {
	case !listed:
		if weekend {
			info.Kind = Weekend
		}
	case l.Off && weekend && l.Name == "":
		// A nameless day off on a weekend is a correction back to the
		// plain rule, not a holiday.
		info.Kind = Weekend
	case l.Off:
		info.Kind, info.Name = Holiday, l.Name
	case weekend:
		info.Kind, info.Name = AdjustedWorkday, l.Name
	}
	return info
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d time.Time) bool {
	return c.idx.working(dayOf(d))
}

// Days returns the entries in force — each listed date once, with the
// entry that won — in date order, for an administrator's view of the
// calendar or to build a calendar without some of them.
func (c *Calendar) Days() []Day {
	out := make([]Day, 0, len(c.listed))
	for _, d := range c.listed {
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Day) int { return a.Date.Compare(b.Date) })
	return out
}

// Coverage reports whether the official schedule for year is loaded. An
// uncovered year still computes — by the plain weekday rule — but its
// deadlines will be wrong around its holidays, so the pages warn.
func (c *Calendar) Coverage(year int) bool { return c.covered[year] }

// MissingYears returns the years from from to to, both included, whose
// schedule is not loaded, in ascending order; nil when none is missing. The
// "next year's schedule missing" banner asks for this year and the next.
func (c *Calendar) MissingYears(from, to int) []int {
	var missing []int
	for y := from; y <= to; y++ {
		if !c.covered[y] {
			missing = append(missing, y)
		}
	}
	return missing
}

// CoveredYears returns the years whose schedule is loaded, in ascending order.
func (c *Calendar) CoveredYears() []int {
	years := make([]int, 0, len(c.covered))
	for y := range c.covered {
		years = append(years, y)
	}
	slices.Sort(years)
	return years
}

// Source hands out the calendar in force. A calendar an administrator can
// change at run time is a Source whose Current moves on; a fixed *Calendar
// is a Source of itself, so tests and one-shot commands pass one directly.
type Source interface {
	Current() *Calendar
}

// Current returns c: a fixed calendar is its own Source.
func (c *Calendar) Current() *Calendar { return c }
