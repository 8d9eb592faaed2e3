package portalsvc

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/portal"
	"github.com/duban/duban/internal/records"
)

// The portal's methods check no user: everything they return is public,
// and only that — no report text, no attachment, no person's name (the
// 责任人 is left out), no task of a plan not published, no draft — and
// every text an office typed passes pii.MaskPublic, for a task title may
// hold an ID number or a home address as soon as it is typed.

// MaxResults bounds a search's answer.
const MaxResults = 100

// PlanRow is a published plan in the list.
type PlanRow struct {
	ID                       int64
	Title, DocNumber, Issuer string
	Tasks, Closed            int
	Published                time.Time
}

// TaskRow is a task as the public sees it. Status is the ledger status
// code, Light the light; LeadUnits are among Units.
type TaskRow struct {
	ID, PlanID       int64
	Path             []string
	Title            string
	LeadUnits, Units []string
	Due              string
	Status, Light    string
	Percent          *float64
}

// Home is the portal's first page: the published plans, and the tasks
// found for a search.
type Home struct {
	Plans   []PlanRow
	Results []TaskRow
	More    bool // more were found than MaxResults
}

// Plan is a published plan's page: its tasks (no drafts), how many are
// closed and overdue, and each unit's record.
type Plan struct {
	PlanRow
	IssuedOn string
	Rows     []TaskRow
	Units    []portal.UnitStat
	Overdue  int
}

// Task is a published task's page: the plan's own words for it, its
// milestones, and its history without texts and without the office's
// edits.
type Task struct {
	TaskRow
	PlanTitle  string
	Text       string
	Milestones []Milestone
	History    []Step
}

// Milestone is a milestone and whether it was reported done.
type Milestone struct {
	Text, Due string
	Done      bool
}

// Step is a step of a task's history: when, and what kind.
type Step struct {
	At   time.Time
	Kind string
}

// OpenTask is one task of the open data: what the portal shows, with its
// plan's title.
type OpenTask struct {
	TaskRow
	PlanTitle string
}

// Home is the published plans and, for a search q, the published tasks
// that match it (at most MaxResults).
func (s *Service) Home(ctx context.Context, q string) (*Home, error) {
	plans, err := s.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	v := &Home{}
	for _, p := range plans {
		if p.PublishedAt == nil {
			continue
		}
		row := planRow(p)
		if _, row.Closed, err = s.Store.FindTasks(ctx, records.TaskFilter{PlanID: p.ID, Status: ledger.StatusClosed, Limit: 1}); err != nil {
			return nil, err
		}
		v.Plans = append(v.Plans, row)
	}
	// A search for a number or an address the portal masks would tell
	// by its results whether some task holds it: it finds nothing.
	if q != "" && pii.Find(q) == nil {
		tasks, total, err := s.Store.FindTasks(ctx, records.TaskFilter{Published: true, Registered: true, Q: q, Limit: MaxResults})
		if err != nil {
			return nil, err
		}
		for i := range tasks {
			v.Results = append(v.Results, row(s.Ledger.View(&tasks[i])))
		}
		v.More = total > len(tasks)
	}
	return v, nil
}

// Plan is a published plan's page; a plan not published is not found.
func (s *Service) Plan(ctx context.Context, id int64) (*Plan, error) {
	p, err := s.published(ctx, id)
	if err != nil {
		return nil, err
	}
	closed, err := s.Store.ClosedDays(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &Plan{PlanRow: planRow(*p), IssuedOn: p.IssuedOn}
	var stats []portal.Task
	for i := range p.Tasks {
		t := s.Ledger.View(&p.Tasks[i])
		if t.Workflow == string(ledger.Draft) {
			continue
		}
		v.Rows = append(v.Rows, row(t))
		if t.LedgerStatus == string(ledger.StatusClosed) {
			v.Closed++
		}
		if t.Light == string(ledger.Red) {
			v.Overdue++
		}
		due, _ := time.Parse(time.DateOnly, t.Due)
		stats = append(stats, portal.Task{Units: t.Units, Due: due, Done: closed[t.ID]})
	}
	v.Units = portal.UnitStats(stats, s.Ledger.Today())
	return v, nil
}

// Task is a published task's page; a task of a plan not published, or a
// draft, is not found.
func (s *Service) Task(ctx context.Context, id int64) (*Task, error) {
	st, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	p, err := s.published(ctx, st.PlanID)
	if err != nil {
		return nil, err
	}
	if st.Status == string(ledger.Draft) {
		return nil, fmt.Errorf("portalsvc: task %d is a draft: %w", id, fault.ErrNotFound)
	}
	t := s.Ledger.View(st)
	v := &Task{TaskRow: row(t), PlanTitle: pii.MaskPublic(p.Title), Text: pii.MaskPublic(t.Text)}
	for i, m := range t.Milestones {
		v.Milestones = append(v.Milestones, Milestone{Text: pii.MaskPublic(m.Text), Due: m.Due, Done: i < len(t.MilestoneDone) && t.MilestoneDone[i] != nil})
	}
	events, err := s.Store.FindTaskEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		if e.Kind != records.EventEdited { // the office's edits are its own business
			v.History = append(v.History, Step{At: e.At, Kind: e.Kind})
		}
	}
	return v, nil
}

// OpenData is every published task, read 500 at a time.
func (s *Service) OpenData(ctx context.Context) ([]OpenTask, error) {
	plans, err := s.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	for _, p := range plans {
		if p.PublishedAt != nil {
			titles[p.ID] = pii.MaskPublic(p.Title)
		}
	}
	rows := []OpenTask{}
	for offset := 0; ; offset += 500 {
		tasks, total, err := s.Store.FindTasks(ctx, records.TaskFilter{Published: true, Registered: true, Limit: 500, Offset: offset})
		if err != nil {
			return nil, err
		}
		for i := range tasks {
			t := s.Ledger.View(&tasks[i])
			rows = append(rows, OpenTask{TaskRow: row(t), PlanTitle: titles[t.PlanID]})
		}
		if offset+len(tasks) >= total {
			return rows, nil
		}
	}
}

// published is a plan on the portal, or not found: a plan not published
// does not exist for the public.
func (s *Service) published(ctx context.Context, id int64) (*records.Plan, error) {
	p, err := s.Store.FindPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.PublishedAt == nil {
		return nil, fmt.Errorf("portalsvc: plan %d is not published: %w", id, fault.ErrNotFound)
	}
	return p, nil
}

func planRow(p records.Plan) PlanRow {
	return PlanRow{ID: p.ID, Title: pii.MaskPublic(p.Title), DocNumber: p.DocNumber, Issuer: p.Issuer, Tasks: p.TaskCount, Published: *p.PublishedAt}
}

// row is the public part of a task: no owner, no report, its title
// masked.
func row(t ledgersvc.Task) TaskRow {
	path := make([]string, len(t.Path))
	for i, l := range t.Path {
		path[i] = pii.MaskPublic(l)
	}
	return TaskRow{ID: t.ID, PlanID: t.PlanID, Path: path, Title: pii.MaskPublic(t.Title), LeadUnits: t.LeadUnits, Units: t.Units,
		Due: t.Due, Status: t.LedgerStatus, Light: t.Light, Percent: t.Percent}
}
