package web

// Role codes as the pages know them; they match authz.Role values. The
// empty role is an account the system administrator made and the security
// administrator has not yet granted a role (三员分立).
const (
	RoleNone       = ""
	RoleSysAdmin   = "sysadmin"
	RoleSecAdmin   = "secadmin"
	RoleAuditAdmin = "auditadmin"
	RoleOffice     = "office"
	RoleLiaison    = "liaison"
	RoleLeader     = "leader"
)

// Roles lists the six roles in the order the role select shows them.
var Roles = []string{RoleSysAdmin, RoleSecAdmin, RoleAuditAdmin, RoleOffice, RoleLiaison, RoleLeader}

// UnitKinds lists the kinds of unit the unit form offers, in display order.
// Their labels are the catalogue keys "unit.kind.<code>".
var UnitKinds = []string{"city", "department", "county", "township", "party", "office", "group", "other"}

// roleKey is the catalogue key of a role's name.
func roleKey(role string) string {
	if role == RoleNone {
		return "role.none"
	}
	return "role." + role
}

// unitKindKey is the catalogue key of a unit kind's name.
func unitKindKey(kind string) string { return "unit.kind." + kind }

func validRole(role string) bool {
	for _, r := range Roles {
		if r == role {
			return true
		}
	}
	return role == RoleNone
}

func validUnitKind(kind string) bool {
	for _, k := range UnitKinds {
		if k == kind {
			return true
		}
	}
	return false
}
