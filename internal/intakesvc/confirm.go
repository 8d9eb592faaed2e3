package intakesvc

import (
	"context"
	"errors"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// Discard throws a draft away with its tasks; the same document may be
// imported again. A confirmed plan cannot be: its tasks are in the ledger.
func (s *Service) Discard(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	err := s.Store.DeletePlan(ctx, actor, plan)
	if errors.Is(err, records.ErrNotDraft) {
		return &ConflictError{Key: "plans.error.discard_confirmed", Err: err}
	}
	return err
}

// Confirm ends the review: the plan is confirmed and its tasks are
// registered (挂号). A draft without tasks is refused
// ("plans.error.draft_empty"). Unless force says the office knows, a
// draft whose tasks (not optional) have no unit is refused with an
// *UnitlessError naming them, which also counts the unit names matched to
// no registered unit and names their tasks, so that the question says
// everything 仍然挂号 would register unread. (Unmatched names alone do not
// stop 挂号: the banner's confirmation says how many.) What is checked is
// what is registered: the check runs on the tasks the confirming
// transaction reads. It returns the plan as lists show it.
func (s *Service) Confirm(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64, force bool) (*ledgersvc.Plan, error) {
	if !authz.Allowed(p, authz.PlanWrite) {
		return nil, ErrForbidden
	}
	ix, err := s.unitIndex(ctx)
	if err != nil {
		return nil, err
	}
	s.gap()
	err = s.Store.ConfirmPlan(ctx, actor, plan, func(tasks []records.Task) error {
		if len(tasks) == 0 {
			return invalid("", "plans.error.draft_empty")
		}
		if err := outsideScope(p, tasks, ix); err != nil {
			return err
		}
		if force {
			return nil
		}
		return unitless(tasks, ix)
	})
	switch {
	case errors.Is(err, fault.ErrConflict):
		return nil, &ConflictError{Key: "error.plan_confirmed", Err: err}
	case err != nil:
		return nil, err
	}
	s.passDown(ctx, p, actor, plan)
	return s.planView(ctx, plan)
}

// outsideScope refuses, for an office bound to units (分级督查), the first
// of tasks with a unit (registered, or matched as 挂号 will match it)
// outside its scope: a bound office registers tasks of its subtree only.
func outsideScope(p authz.Principal, tasks []records.Task, ix *units.Index) error {
	for _, t := range tasks {
		ids := make([]int64, 0, len(t.UnitLinks))
		for _, l := range t.UnitLinks {
			if l.UnitID == 0 {
				l.UnitID = ix.Match(l.Name).UnitID
			}
			ids = append(ids, l.UnitID)
		}
		if !authz.WithinScope(p, ids) {
			return &fault.Error{Code: fault.Forbidden, Key: "scope.error.task_unit_outside",
				Args:   map[string]any{"path": strings.Join(t.Path, "."), "title": t.Title},
				Fields: map[string]string{"units": authz.OutsideScopeKey}}
		}
	}
	return nil
}

// unitless is the *UnitlessError of tasks, or nil when every task (not
// optional) has a unit.
func unitless(tasks []records.Task, ix *units.Index) error {
	e := &UnitlessError{}
	for _, t := range tasks {
		ref := TaskRef{ID: t.ID, Path: t.Path, Title: t.Title}
		if !t.Optional && len(t.UnitLinks) == 0 {
			e.Tasks = append(e.Tasks, ref)
		}
		n := 0
		for _, l := range t.UnitLinks {
			if l.UnitID == 0 && ix.Match(l.Name).UnitID == 0 {
				n++
			}
		}
		if n > 0 {
			e.Unmatched += n
			e.UnmatchedTasks = append(e.UnmatchedTasks, ref)
		}
	}
	if len(e.Tasks) == 0 {
		return nil
	}
	return e
}
