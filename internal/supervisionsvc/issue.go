package supervisionsvc

import (
	"context"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// Notifier words and addresses the notifications of an event as the
// scheduler's tick does its own: to the task's units' inboxes, their
// mail and the group channels configured. Notifications reads where
// mail goes once, for the event about to be recorded.
type Notifier interface {
	Notifications(ctx context.Context) (func(supervise.Event, *records.Task) []records.Notification, error)
}

// Issuing reports whether 督办单 are issued by hand at all (a sender is
// configured); the pages offer the action only then.
func (s *Service) Issuing() bool { return s.Notices != nil }

// Issue records a 督办单 the office issues by hand on a task in the
// ledger, at the first level of the plan's ladder, with its notifications
// queued as the rules' own notices are; the scheduler's next tick
// delivers them. Only who may supervise issues one. A second one the
// same day is a conflict (error.issued_today); a task not open (a
// draft, or closed), a task with no responsible unit (nobody to address
// the notice to: error.notice_no_unit), or rules without a ladder, are
// refused in their state.
func (s *Service) Issue(ctx context.Context, p authz.Principal, actor audit.Actor, taskID int64) (supervise.Event, error) {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return supervise.Event{}, fault.ErrForbidden
	}
	if s.Notices == nil {
		return supervise.Event{}, fmt.Errorf("supervisionsvc: no sender for notices: %w", fault.ErrNotFound)
	}
	t, err := s.Store.FindTaskByID(ctx, taskID)
	if err != nil {
		return supervise.Event{}, err
	}
	if !authz.Can(p, authz.TaskSupervise, authz.Resource{Units: t.UnitIDs}) {
		return supervise.Event{}, fault.ErrForbidden
	}
	if p.Scope != nil { // a task a higher office took over (提级督办) is that office's
		tk, err := s.Store.FindTakeover(ctx, taskID)
		if err == nil && !tk.Admits(p) {
			return supervise.Event{}, fault.New(fault.Forbidden, "takeover.error.reserved")
		}
		if err != nil && !errors.Is(err, fault.ErrNotFound) {
			return supervise.Event{}, err
		}
	}
	if !ledger.Workflow(t.Status).Open() {
		return supervise.Event{}, fmt.Errorf("supervisionsvc: task %d is %s: %w", taskID, t.Status, fault.New(fault.State, "error.task_state"))
	}
	if !Addressable(t) {
		return supervise.Event{}, fmt.Errorf("supervisionsvc: task %d has no unit: %w", taskID, fault.New(fault.State, "error.notice_no_unit"))
	}
	st, err := TaskState(ctx, s.Store, t)
	if err != nil {
		return supervise.Event{}, err
	}
	book, _, err := s.Store.SupervisionRules(ctx, s.RulesBase)
	if err != nil {
		return supervise.Event{}, err
	}
	e, err := supervise.Issue(st, book.For(t.PlanID), s.today(), s.Calendar.Current())
	if errors.Is(err, supervise.ErrNoLadder) {
		return supervise.Event{}, fault.Wrap(fault.State, "rules.error.no_ladder", err)
	}
	if err != nil {
		return supervise.Event{}, err
	}
	word, err := s.Notices.Notifications(ctx)
	if err != nil {
		return supervise.Event{}, err
	}
	err = s.Store.IssueSupervision(ctx, actor, e, func(e supervise.Event) []records.Notification { return word(e, t) })
	if fault.CodeOf(err) == fault.Conflict {
		return supervise.Event{}, fmt.Errorf("supervisionsvc: %w", &fault.Error{Code: fault.Conflict, Key: "error.issued_today", Err: err})
	}
	return e, err
}

// Addressable reports whether a 督办单 on the task has someone to go to:
// a responsible unit named in the ledger. A task without one would give
// a notice with a blank addressee, so neither the office by hand nor the
// scheduler's rules issue one on it.
func Addressable(t *records.Task) bool {
	return len(t.Units) > 0 || len(t.LeadUnits) > 0 || len(t.UnitLinks) > 0
}

// TaskState is a ledger task as the supervision rules read it: its
// workflow, when it was registered, its next due date and, for a
// periodic task, the periods reported. The scheduler's tick reads each
// task through it too, so a 督办单 by hand and the rules' own see the
// same task.
func TaskState(ctx context.Context, periods PeriodReader, t *records.Task) (supervise.Task, error) {
	st := supervise.Task{ID: t.ID, Workflow: ledger.Workflow(t.Status), Every: t.Every}
	if t.RegisteredAt != nil {
		st.RegisteredAt = workday.DateOf(t.RegisteredAt.In(workday.Zone))
	}
	if d, err := workday.ParseDate(t.NextDue); err == nil {
		st.NextDue = d
	}
	if t.Every != "" {
		var err error
		if st.ReportedPeriods, err = periods.ReportedPeriods(ctx, t.ID); err != nil {
			return st, err
		}
	}
	return st, nil
}
