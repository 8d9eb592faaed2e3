package adminsvc

import "github.com/duban/duban/internal/authz"

// MayCreateUsers reports whether p creates accounts — the system
// administrator ordinary ones, the security administrator the other
// administrators' —, so the new-account form is offered to them only.
func MayCreateUsers(p authz.Principal) bool {
	return authz.Allowed(p, authz.UserCreate) || authz.Allowed(p, authz.AdminCreate)
}

// MayWriteUnits reports whether p registers and edits units, so the unit
// forms are offered to them only.
func MayWriteUnits(p authz.Principal) bool { return authz.Allowed(p, authz.UnitWrite) }
