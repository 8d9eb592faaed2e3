package web

import (
	"context"
	"time"
)

// Calendar is the working-day calendar's administration (工作日历): the
// year as it is counted, and the changes an administrator makes to it —
// a year's official schedule uploaded, a single day corrected — each with
// its reason and the running 限期整改 deadlines it moved.
type Calendar interface {
	// View returns year's calendar and the latest changes.
	View(ctx context.Context, year int) (*CalendarView, error)
	// Upload lays an uploaded schedule (.json notice or .ics) over the
	// calendar and returns the change's number. A file that cannot be
	// read is a *CalendarInputError naming it.
	Upload(ctx context.Context, scope, reason string, f Upload) (int64, error)
	// Correct sets one day and returns the change's number.
	Correct(ctx context.Context, in CalendarCorrection) (int64, error)
	// Change returns one logged change with the deadlines it moved.
	Change(ctx context.Context, id int64) (*CalendarChangeDetail, error)
}

// CalendarInputError is an upload or a correction refused, with the
// reason as the administrator should read it (the file and its line).
type CalendarInputError struct{ Detail string }

func (e *CalendarInputError) Error() string { return "web: calendar: " + e.Detail }

// CalendarCorrection is the single-day form.
type CalendarCorrection struct {
	Date   string // YYYY-MM-DD
	Set    string // off, work, ordinary
	Name   string // the holiday, for a day off
	Scope  string // national, local
	Reason string
}

// CalendarView is the calendar page's content.
type CalendarView struct {
	Year     int
	Months   []CalendarMonth
	Holidays []CalendarDay // the year's holidays and 调休 working days, in date order
	Covered  string        // the years whose official schedule is loaded: 2007—2026
	Missing  bool          // Year's official schedule is not loaded
	Locality string        // the local layer's name
	Changes  []CalendarChangeView
	CanEdit  bool
}

// Prev and Next are the years the page leads to.
func (v *CalendarView) Prev() int { return v.Year - 1 }

// Next is the year after.
func (v *CalendarView) Next() int { return v.Year + 1 }

// CalendarMonth is one month as a grid of weeks, Monday first.
type CalendarMonth struct {
	Month int
	Weeks [][7]CalendarCell
}

// CalendarCell is one day of a month grid; Day 0 is a blank.
type CalendarCell struct {
	Day   int
	Kind  string // workday, weekend, holiday, adjusted
	Name  string // the holiday a day off or a 调休 day belongs to
	Today bool
}

// CalendarDay is a listed day: a holiday or a 调休 working day.
type CalendarDay struct {
	Date time.Time
	Kind string // holiday, adjusted
	Name string
}

// CalendarChangeView is one change as the log shows it.
type CalendarChangeView struct {
	ID     int64
	Scope  string // national, local
	Source string
	Reason string
	Days   int
	Moved  int
	Actor  string
	At     time.Time
}

// CalendarChangeDetail is a change with the deadlines it moved.
type CalendarChangeDetail struct {
	CalendarChangeView
	Locality string
	Moves    []CalendarMove
}

// CalendarMove is one running deadline a change moved.
type CalendarMove struct {
	TaskID    int64
	TaskTitle string
	Label     string // 蓝色督办单…
	On        time.Time
	From, To  time.Time
}
