package web

import (
	"context"
	"time"
)

// Incidents are the major incidents and their disclosure clocks (权威信息
// 5 hours, 新闻发布会 24 hours): the office records an incident, the
// responsible unit records each duty done with its evidence.
type Incidents interface {
	// List is the incidents of the last days the user may see, with a
	// form to record one for the office.
	List(ctx context.Context) (*IncidentListView, error)
	Get(ctx context.Context, id int64) (*IncidentView, error)
	// Report records an incident; Fulfil a duty done. A refusal is a
	// *RulesInputError.
	Report(ctx context.Context, in IncidentInput) (int64, error)
	Fulfil(ctx context.Context, id int64, kind, at, evidence string) error
}

// IncidentInput is the form to record an incident.
type IncidentInput struct {
	Title, Level, Occurred, Unit, Summary string
	Problems                              []string
}

// IncidentClock is one duty's clock.
type IncidentClock struct {
	Kind, Label string
	Due         time.Time // zero: no statutory time
	Done        time.Time
	State       string // pending, due_soon, overdue, on_time, late, untimed
	StateLabel  string
	Light       string // red, yellow, green, blue, gray
	Left        string // 3小时20分
	Why         string
	Evidence    string
}

// IncidentRow is an incident in the list.
type IncidentRow struct {
	ID       int64
	Title    string
	Level    string // its label
	Occurred time.Time
	Unit     string
	Clocks   []IncidentClock
}

// IncidentListView is the incidents page.
type IncidentListView struct {
	Rows      []IncidentRow
	CanReport bool
	Levels    []Option
	Units     []Option
	Form      IncidentInput
}

// IncidentView is an incident's page.
type IncidentView struct {
	IncidentRow
	Summary   string
	CanFulfil bool
	Problems  []string
}
