package intakesvc

import (
	"context"
	"errors"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/store"
)

// Discard throws a draft away with its tasks; the same document may be
// imported again. A confirmed plan cannot be: its tasks are in the ledger.
func (s *Service) Discard(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	err := s.Store.DeletePlan(ctx, actor, plan)
	if errors.Is(err, store.ErrNotDraft) {
		return &ConflictError{Key: "plans.error.discard_confirmed", Err: err}
	}
	return err
}

// Confirm ends the review: the plan is confirmed and its tasks are
// registered (挂号). A draft without tasks is refused; one whose tasks
// (not optional) have no unit is refused with an *UnitlessError naming
// them, unless force says the office knows.
func (s *Service) Confirm(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64, force bool) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	pl, err := s.Store.FindPlanByID(ctx, plan)
	if err != nil {
		return err
	}
	if pl.Status != "draft" {
		return &ConflictError{Key: "error.plan_confirmed", Err: store.ErrNotDraft}
	}
	if len(pl.Tasks) == 0 {
		return invalid("", "error.plan_no_tasks")
	}
	if !force {
		var unitless []string
		for _, t := range pl.Tasks {
			if !t.Optional && len(t.UnitLinks) == 0 {
				unitless = append(unitless, strings.TrimSpace(strings.Join(t.Path, "/")+" "+t.Title))
			}
		}
		if len(unitless) > 0 {
			return &UnitlessError{Tasks: unitless}
		}
	}
	err = s.Store.ConfirmPlan(ctx, actor, plan)
	if errors.Is(err, store.ErrConflict) {
		return &ConflictError{Key: "error.plan_confirmed", Err: err}
	}
	return err
}

// Publish puts a confirmed plan on the public portal, or takes it off; a
// draft cannot be published.
func (s *Service) Publish(ctx context.Context, p authz.Principal, actor audit.Actor, plan int64, public bool) error {
	if !authz.Allowed(p, authz.PlanWrite) {
		return ErrForbidden
	}
	err := s.Store.PublishPlan(ctx, actor, plan, public)
	if errors.Is(err, store.ErrState) {
		return &ConflictError{Key: "plans.error.publish_draft", Err: err}
	}
	return err
}
