package ledgersvc

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
)

// InScope checks that an office or a leader bound to units (分级督查) may
// take action a on task id: one of the task's units lies in their
// subtree, or ErrForbidden; and a task a higher office took over
// (提级督办) is that office's (takeover.error.reserved, forbidden). An
// unbound principal (the whole city) is not looked at, so its errors stay
// what the write itself says.
func (s *Service) InScope(ctx context.Context, p authz.Principal, a authz.Action, id int64) error {
	if p.Scope == nil {
		return nil
	}
	t, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return err
	}
	if !authz.Can(p, a, authz.Resource{Units: t.UnitIDs}) {
		return ErrForbidden
	}
	tk, err := s.takeover(ctx, id)
	if err != nil {
		return err
	}
	if tk != nil && !tk.Admits(p) {
		return fault.New(fault.Forbidden, "takeover.error.reserved")
	}
	return nil
}
