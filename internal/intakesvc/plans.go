package intakesvc

import (
	"context"
	"slices"
	"sort"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// planTaskLimit is how many of a plan's tasks Plan returns: a plan's
// tasks number in the tens, a large one a few hundred.
const planTaskLimit = 500

// Plans lists every plan, newest first (the plan just uploaded is the one
// being worked on), to whoever may read plans; to an office or a leader
// bound to units (分级督查) only the plans with a task of its scope and
// those it imported itself.
func (s *Service) Plans(ctx context.Context, p authz.Principal) ([]ledgersvc.Plan, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, ErrForbidden
	}
	all, err := s.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	if p.Scope != nil {
		ids, err := s.Store.FindPlanIDsInScope(ctx, p.Scope, p.UserID)
		if err != nil {
			return nil, err
		}
		all = slices.DeleteFunc(all, func(pl records.Plan) bool { return !slices.Contains(ids, pl.ID) })
	}
	out := make([]ledgersvc.Plan, len(all))
	for i := range all {
		out[i] = ledgersvc.PlanOf(&all[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ImportedAt.After(out[j].ImportedAt) })
	return out, nil
}

// PlanTasks is a plan with the tasks of it a reader may read.
type PlanTasks struct {
	Plan  ledgersvc.Plan
	Tasks []ledgersvc.Task
	Total int // the reader's tasks of the plan, of which Tasks are the first planTaskLimit
}

// Plan returns plan id with the tasks of it p may read: all of them, or a
// liaison's units' tasks only (ledgersvc.List's scope).
func (s *Service) Plan(ctx context.Context, p authz.Principal, id int64) (*PlanTasks, error) {
	if !authz.Allowed(p, authz.PlanRead) {
		return nil, ErrForbidden
	}
	pl, err := s.Store.FindPlanByID(ctx, id)
	if err != nil {
		return nil, err
	}
	tasks, total, err := s.Ledger.List(ctx, p, records.TaskFilter{PlanID: id, Limit: planTaskLimit})
	if err != nil {
		return nil, err
	}
	return &PlanTasks{Plan: ledgersvc.PlanOf(pl), Tasks: tasks, Total: total}, nil
}
