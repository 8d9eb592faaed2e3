package ledgersvc

import (
	"context"
	"errors"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// TakeOver is 提级督办: an office that may supervise task id (its task is in
// the office's scope, or the office is the city's) takes over the task's
// supervision. From then on an office below the taker's level may read
// the task but no longer supervise, close or change it (InScope). The
// task must be open (registered, in progress or pending); a task taken
// over already is a conflict (takeover.error.taken). Audited as
// task.takeover.
func (s *Service) TakeOver(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (*records.Takeover, error) {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return nil, ErrForbidden
	}
	t, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !mayTakeOver(p, t) {
		return nil, ErrForbidden
	}
	if !ledger.Workflow(t.Status).Open() {
		return nil, fault.New(fault.State, "error.task_state")
	}
	if err := s.InScope(ctx, p, authz.TaskSupervise, id); err != nil {
		return nil, err
	}
	err = s.Store.TakeOverTask(ctx, actor, id, p.UserID)
	if errors.Is(err, fault.ErrConflict) {
		return nil, fault.Wrap(fault.Conflict, "takeover.error.taken", err)
	}
	if err != nil {
		return nil, err
	}
	return s.Store.FindTakeover(ctx, id)
}

// mayTakeOver reports whether p is an office that may supervise t.
func mayTakeOver(p authz.Principal, t *records.Task) bool {
	return p.Role == authz.Office && p.UserID != 0 && authz.Can(p, authz.TaskSupervise, authz.Resource{Units: t.UnitIDs})
}

// takeover is task id's 提级督办, nil when none.
func (s *Service) takeover(ctx context.Context, id int64) (*records.Takeover, error) {
	tk, err := s.Store.FindTakeover(ctx, id)
	if errors.Is(err, fault.ErrNotFound) {
		return nil, nil
	}
	return tk, err
}
