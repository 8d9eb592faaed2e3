package authz

import "github.com/duban/duban/internal/fault"

// Role is a user's single role. Roles are not combined: 三员分立 forbids an
// administrator from also holding a business role.
type Role string

// The six roles.
const (
	SysAdmin   Role = "sysadmin"   // 系统管理员: accounts, units registry, system settings
	SecAdmin   Role = "secadmin"   // 安全管理员: role grants, unit bindings, unlocking, security policy
	AuditAdmin Role = "auditadmin" // 审计管理员: the audit log, read and export only
	Office     Role = "office"     // 督查室: plans, assignments, supervision, assessment
	Liaison    Role = "liaison"    // 联络员: progress of their own units' tasks
	Leader     Role = "leader"     // 领导: reads everything, writes nothing
)

// Roles lists every role in display order.
var Roles = []Role{SysAdmin, SecAdmin, AuditAdmin, Office, Liaison, Leader}

// Valid reports whether r is one of the six roles.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// IsAdmin reports whether r is one of the three security administrators,
// who see no business data.
func (r Role) IsAdmin() bool { return r == SysAdmin || r == SecAdmin || r == AuditAdmin }

// Label is the role's Chinese name.
func (r Role) Label() string {
	switch r {
	case SysAdmin:
		return "系统管理员"
	case SecAdmin:
		return "安全管理员"
	case AuditAdmin:
		return "审计管理员"
	case Office:
		return "督查室"
	case Liaison:
		return "联络员"
	case Leader:
		return "领导"
	}
	return string(r)
}

// Principal is who is asking: a signed-in user with their role and, for a
// liaison, the units they answer for.
type Principal struct {
	UserID   int64
	Username string
	Role     Role
	// Units are the liaison's units; for an office or a leader, the units
	// of the registry tree they are bound to (分级督查), or none: the
	// whole city.
	Units []int64
	// Scope is, for an office or a leader bound to units, those units and
	// every unit below them, read from the registry once per request; nil
	// is the whole city.
	Scope []int64
}

// InScope reports whether one of units lies in the principal's scope;
// without a scope everything does.
func (p Principal) InScope(units []int64) bool {
	if p.Scope == nil {
		return true
	}
	for _, u := range units {
		for _, s := range p.Scope {
			if u == s {
				return true
			}
		}
	}
	return false
}

// HasUnit reports whether the principal answers for unit id.
func (p Principal) HasUnit(id int64) bool {
	for _, u := range p.Units {
		if u == id {
			return true
		}
	}
	return false
}

// WithinScope reports whether every registry unit of units (an id 0, a
// name not in the registry, is no unit of anyone's scope and is left to
// the registry's own checks) lies in p's scope: the units a scoped office
// may assign, adjust, split or pass a task down to (分级督查). Without a
// scope every unit does.
func WithinScope(p Principal, units []int64) bool {
	if p.Scope == nil {
		return true
	}
	for _, u := range units {
		if u != 0 && !p.InScope([]int64{u}) {
			return false
		}
	}
	return true
}

// OutsideScopeKey is the catalogue key of the refusal of a unit outside
// the principal's scope, at the field that chose it.
const OutsideScopeKey = "scope.error.unit_outside"

// CheckScope refuses (403, naming field) units of which one lies outside
// p's scope; see WithinScope.
func CheckScope(p Principal, field string, units []int64) error {
	if WithinScope(p, units) {
		return nil
	}
	return &fault.Error{Code: fault.Forbidden, Fields: map[string]string{field: OutsideScopeKey}}
}
