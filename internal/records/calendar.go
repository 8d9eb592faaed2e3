package records

import (
	"time"

	"github.com/duban/duban/internal/workday"
)

// CalendarLayers are the stored days by layer, in date order.
type CalendarLayers struct {
	National, Local []workday.Day
}

// CalendarChange is one change to the calendar, as the log keeps it.
type CalendarChange struct {
	ID     int64     `json:"id"`
	Scope  string    `json:"scope"`
	Source string    `json:"source"` // the uploaded file's name, or 单日更正
	Reason string    `json:"reason"`
	Days   int       `json:"days"`  // how many days it set
	Moved  int       `json:"moved"` // how many running deadlines it moved
	Actor  string    `json:"actor"`
	At     time.Time `json:"at"`
}

// DeadlineMove is a running 限期整改 deadline a calendar change moved.
type DeadlineMove struct {
	ChangeID  int64     `json:"change_id"`
	EventKey  string    `json:"event_key"`
	TaskID    int64     `json:"task_id"`
	TaskTitle string    `json:"task_title"`
	Label     string    `json:"label"`
	On        time.Time `json:"on"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Reason    string    `json:"reason"` // the change's reason, for the explanation
}

// Reschedule says where a running deadline goes under the changed
// calendar: the notice was issued on on and was due by deadline.
type Reschedule func(on, deadline time.Time) time.Time

// The calendar layers an administrator changes: the national schedule
// (a year's 国务院办公厅 notice, corrections to it) and the locality's own
// days on top of it (a 民族自治地方's festival, a city's extra day off).
const (
	ScopeNational = "national"
	ScopeLocal    = "local"
)
