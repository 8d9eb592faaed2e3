// Package adminsvc is the administration of users and units and the
// reading of the audit log, as use cases: each method checks who may do
// it (三员分立 through authz), validates, and writes with its audit. The
// pages and the API both call it, so an account, a unit or an export is
// handled by one set of rules whichever way it is asked for.
package adminsvc

import (
	"time"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
)

// Service runs administration's use cases.
type Service struct {
	Store  Store
	Policy auth.Policy
	Now    func() time.Time
}

// may is nil when p may do action, or the refusal: fault.ErrUnauthenticated
// for nobody, fault.ErrForbidden for the wrong role.
func may(p authz.Principal, action authz.Action) error {
	if p.UserID == 0 && p.Role == "" {
		return fault.ErrUnauthenticated
	}
	if !authz.Allowed(p, action) {
		return fault.ErrForbidden
	}
	return nil
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}
