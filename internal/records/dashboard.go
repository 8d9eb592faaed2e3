package records

import (
	"time"
)

// LightCounts counts tasks by traffic light (red, yellow, green, blue).
type LightCounts struct {
	Red, Yellow, Green, Blue int
}

// GroupLights is one plan's or unit's counts.
type GroupLights struct {
	ID   int64
	Name string
	LightCounts
}

// OverdueTask is an open task past its next due date.
type OverdueTask struct {
	ID      int64
	Title   string
	PlanID  int64
	NextDue time.Time
	Units   []UnitLink
}

// DayCount is how many supervision events of a kind fell on a day.
type DayCount struct {
	Day  time.Time
	Kind string
	N    int
}

// Dashboard is what the leaders' dashboard shows, counted in the database
// so that it stays fast on a province's ledger.
type Dashboard struct {
	All         LightCounts
	ByPlan      []GroupLights
	ByUnit      []GroupLights
	Overdue     []OverdueTask // the longest overdue first
	OpenNotices int
	Events      []DayCount // the year's 催办 and notices by day
}

// Total is every task counted.
func (c LightCounts) Total() int { return c.Red + c.Yellow + c.Green + c.Blue }
