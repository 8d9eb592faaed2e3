// Package adminsvc is the administration of users and units and the
// reading of the audit log, as use cases: each method checks who may do
// it (三员分立 through authz), validates, and writes with its audit.
package adminsvc

import (
	"time"

	"github.com/duban/duban/internal/auth"
)

// Service runs administration's use cases.
type Service struct {
	Store  Store
	Policy auth.Policy
	Now    func() time.Time
}
