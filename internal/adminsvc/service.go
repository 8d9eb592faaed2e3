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
