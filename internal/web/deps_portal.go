package web

import (
	"context"
	"time"

	"github.com/duban/duban/internal/portal"
)

// Portal is the public portal (政务公开): the plans the office published,
// their tasks' progress and the units' records, search, open data and a
// feed per task — to everyone, without sign-in, and without the reports'
// texts or anyone's name.
type Portal interface {
	Home(ctx context.Context, q string) (*PortalHome, error)
	Plan(ctx context.Context, id int64) (*PortalPlan, error)
	Task(ctx context.Context, id int64) (*PortalTask, error)
	// Data is every published task as "csv" or "json".
	Data(ctx context.Context, format string) (*Download, error)
	// Feed is a task's changes as an Atom feed, to follow it.
	Feed(ctx context.Context, id int64) (*Download, error)
}

// PortalHome is the portal's first page.
type PortalHome struct {
	Plans   []PortalPlanRow
	Q       string
	Results []PortalTaskRow // the tasks found for Q
	More    bool            // more were found than shown
}

// PortalPlanRow is a published plan in the list.
type PortalPlanRow struct {
	ID                       int64
	Title, DocNumber, Issuer string
	Tasks, Closed            int
	Published                time.Time
}

// PortalPlan is a published plan's page.
type PortalPlan struct {
	PortalPlanRow
	IssuedOn string
	Tasks    []PortalTaskRow
	Units    []portal.UnitStat
	Overdue  int
}

// PortalTaskRow is a task as the public sees it.
type PortalTaskRow struct {
	ID      int64
	PlanID  int64
	Path    string
	Title   string
	Units   string
	Due     string
	Status  string // the ledger status code
	Light   string
	Percent *float64
}

// PortalTask is a published task's page.
type PortalTask struct {
	PortalTaskRow
	PlanTitle  string
	Text       string // the plan's own words for the task
	Milestones []PortalMilestone
	History    []PortalStep
}

// PortalMilestone is a milestone and whether it was reported done.
type PortalMilestone struct {
	Text, Due string
	Done      bool
}

// PortalStep is a step of the task's history, without its text.
type PortalStep struct {
	At   time.Time
	Kind string // registered, progress, close_request, closed, returned, answer
}
