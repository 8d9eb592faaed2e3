package ledgersvc

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service reads the ledger.
type Service struct {
	Store    Store
	Calendar ledger.Calendar
	Rules    ledger.Rules
	Now      func() time.Time
	// Files keeps the attachments of reports, 销号 applications and
	// answers; nil refuses files.
	Files *files.Store

	dashboard dashboards
	// keeping is held while entries a read built are being kept.
	keeping sync.Mutex
}

// Today is the current civil date in China, at UTC midnight.
func (s *Service) Today() time.Time {
	y, m, d := s.Now().In(workday.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Task is a task as the ledger shows it: what it holds, which the task
// list keeps ready as its entry, and its state on the day it is read.
type Task struct {
	TaskState
	TaskEntry
}

// TaskEntry is what the ledger shows of a task that changes only when the
// task does: the task list keeps it, as JSON, for each task (entries.go).
type TaskEntry struct {
	ID         int64               `json:"id"`
	PlanID     int64               `json:"plan_id"`
	Seq        int                 `json:"seq"`
	Source     string              `json:"source"` // where it came from: records.Sources
	Path       []string            `json:"path"`
	Title      string              `json:"title"`
	Text       string              `json:"text"`
	LeadUnits  []string            `json:"lead_units"`
	Units      []string            `json:"units"`
	UnitIDs    []int64             `json:"unit_ids"`
	Deadlines  []plandoc.Deadline  `json:"deadlines"`
	Targets    []plandoc.Target    `json:"targets"`
	Milestones []plandoc.Milestone `json:"milestones"`
	Weight     *float64            `json:"weight,omitempty"`
	Optional   bool                `json:"optional"`

	Goal          string       `json:"goal"`
	Owner         string       `json:"owner"`
	Requirement   string       `json:"requirement"`
	Measure       string       `json:"measure"`
	Due           string       `json:"due"`
	Every         string       `json:"every"`
	LastReportAt  *time.Time   `json:"last_report_at,omitempty"`
	MilestoneDone []*time.Time `json:"milestone_done"`
	// ParentID is the task this one is a sub-task of (0: none), and
	// PartWeight its weight in the parent's progress.
	ParentID   int64   `json:"parent_id,omitempty"`
	PartWeight float64 `json:"part_weight,omitempty"`
}

// TaskState is what the ledger shows of a task that moves with the date:
// derived from its workflow state and next due date on the day it is read.
type TaskState struct {
	Status       string   `json:"status"` // the ledger status, as LedgerStatus
	NextDue      string   `json:"next_due"`
	Percent      *float64 `json:"percent,omitempty"`
	Workflow     string   `json:"workflow"`
	LedgerStatus string   `json:"ledger_status"`
	StatusLabel  string   `json:"status_label"`
	Light        string   `json:"light"`
}

// View reads a stored task as the ledger shows it today.
func (s *Service) View(t *records.Task) Task {
	today := s.Today()
	return Task{TaskState: stateOf(t.Status, t.NextDue, t.Percent, today, s.dueSoonLimit(today)), TaskEntry: entryOf(t)}
}

// entryOf is a stored task's entry.
func entryOf(t *records.Task) TaskEntry {
	ids, done := t.UnitIDs, t.MilestoneDone
	if ids == nil {
		ids = []int64{}
	}
	if done == nil {
		done = []*time.Time{}
	}
	e := TaskEntry{ID: t.ID, PlanID: t.PlanID, Seq: t.Seq, Source: t.Source, Path: t.Path, Title: t.Title, Text: t.Text,
		LeadUnits: t.LeadUnits, Units: t.Units, UnitIDs: ids, Deadlines: t.Deadlines, Targets: t.Targets,
		Milestones: t.Milestones, Weight: t.Weight, Optional: t.Optional,
		Goal: t.Goal, Owner: t.Owner, Requirement: t.Requirement, Measure: t.Measure, Due: t.Due,
		Every: t.Every, LastReportAt: t.LastReportAt, MilestoneDone: done, ParentID: t.ParentID}
	if t.ParentID != 0 {
		e.PartWeight = t.PartWeight
	}
	return e
}

// stateOf is the state on today of a task in the workflow state with
// these next due date and percent; dueSoon is today's 临期 limit.
func stateOf(workflow, nextDue string, percent *float64, today, dueSoon time.Time) TaskState {
	w := ledger.Workflow(workflow)
	next := parseDay(nextDue)
	status, light := ledger.DeriveBy(w, next, today, dueSoon)
	percent, nextDue = ledger.Progress(w, percent, nextDue)
	return TaskState{Status: string(status), NextDue: nextDue, Percent: percent, Workflow: workflow,
		LedgerStatus: string(status), StatusLabel: status.Label(), Light: string(light)}
}

// parseDay reads a date as the store keeps it (2006-01-02), at UTC
// midnight; zero when it is none. A list reads one for each of its tasks,
// so the usual form is read by hand, not by time.Parse.
func parseDay(s string) time.Time {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			if t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC); t.Day() == d {
				return t
			}
		}
	}
	t, _ := time.Parse("2006-01-02", s)
	return t
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// dueSoonLimit is the last due date that counts as 临期 on today.
func (s *Service) dueSoonLimit(today time.Time) time.Time {
	return ledger.DueSoonLimit(today, s.Calendar, s.Rules)
}

// Scope limits a filter to what p may read: a liaison the registered
// tasks of their units, leaders all registered tasks, the office also the
// drafts under review. It fills in today's dates for status filters.
func (s *Service) Scope(p authz.Principal, f *records.TaskFilter) {
	units, _ := authz.ScopeUnits(p)
	f.Scoped, f.ScopeUnits = units != nil, units
	f.Registered = f.Registered || p.Role != authz.Office
	f.Today = s.Today()
	f.DueSoonLimit = ledger.DueSoonLimit(f.Today, s.Calendar, s.Rules)
}

// List returns a page of the tasks p may read that match f.
func (s *Service) List(ctx context.Context, p authz.Principal, f records.TaskFilter) ([]Task, int, error) {
	page, err := s.Page(ctx, p, f)
	return page.Items, page.Total, err
}

// TaskPage is a page of the task list: its tasks, how many match in all,
// and the cursor of the next page ("" on the last).
type TaskPage struct {
	Items      []Task
	Total      int
	NextCursor string
}

// Page returns a page of the tasks p may read that match f, with the
// cursor that opens the next one (f.Cursor); a cursor that is not one is
// invalid.
func (s *Service) Page(ctx context.Context, p authz.Principal, f records.TaskFilter) (TaskPage, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return TaskPage{}, ErrForbidden
	}
	s.Scope(p, &f)
	page, err := s.Store.FindTaskPage(ctx, f)
	if err != nil {
		if errors.Is(err, fault.ErrInvalid) {
			return TaskPage{}, fault.New(fault.Invalid, "error.cursor_invalid")
		}
		return TaskPage{}, err
	}
	out := make([]Task, len(page.Items))
	for i := range page.Items {
		out[i] = s.View(&page.Items[i])
	}
	return TaskPage{Items: out, Total: page.Total, NextCursor: page.NextCursor}, nil
}

// Readable loads a task p may read: of their unit, and not a draft
// unless p is the office. Others get ErrForbidden or fault.ErrNotFound.
func (s *Service) Readable(ctx context.Context, p authz.Principal, id int64) (*records.Task, error) {
	t, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !authz.Can(p, authz.TaskRead, authz.Resource{Units: t.UnitIDs}) {
		return nil, ErrForbidden
	}
	if t.Status == string(ledger.Draft) && p.Role != authz.Office {
		return nil, fault.ErrNotFound
	}
	return t, nil
}
