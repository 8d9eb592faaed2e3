package scheduler

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// Issue records a 督办单 the office issues by hand on a task in the ledger,
// with its notifications queued as the rules' own notices are; the next
// tick delivers them. A second one the same day is fault.ErrConflict, a
// task not open (a draft, or closed) fault.ErrState.
func (s *Scheduler) Issue(ctx context.Context, actor audit.Actor, taskID int64) (supervise.Event, error) {
	t, err := s.Store.FindTaskByID(ctx, taskID)
	if err != nil {
		return supervise.Event{}, err
	}
	if !ledger.Workflow(t.Status).Open() {
		return supervise.Event{}, fmt.Errorf("scheduler: task %d is %s: %w", taskID, t.Status, fault.ErrState)
	}
	st, err := s.superviseTask(ctx, t)
	if err != nil {
		return supervise.Event{}, err
	}
	now, err := s.load(ctx)
	if err != nil {
		return supervise.Event{}, err
	}
	e, err := supervise.Issue(st, now.book.For(t.PlanID), workday.DateOf(s.Now().In(workday.Zone)), s.Calendar.Current())
	if err != nil {
		return supervise.Event{}, err
	}
	err = s.Store.IssueSupervision(ctx, actor, e, func(e supervise.Event) []records.Notification { return s.notifications(e, t, now.emails) })
	return e, err
}
