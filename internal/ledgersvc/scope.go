package ledgersvc

import (
	"context"

	"github.com/duban/duban/internal/authz"
)

// InScope checks that an office or a leader bound to units (分级督查) may
// take action a on task id: one of the task's units lies in their
// subtree, or ErrForbidden. An unbound principal (the whole city) is not
// looked at, so its errors stay what the write itself says.
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
	return nil
}
