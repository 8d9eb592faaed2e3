package authz

// The security administrator's part over the administrators' own
// accounts (三员分立). An account is made an administrator when it is
// created and stays the administrator it was made: no grant gives an
// administrator's role or takes one away, so no account ever holds two of
// the three, one after the other or at once.
const (
	AdminCreate      Action = "admin.create"      // create a system, security or audit administrator's account
	AdminCredentials Action = "admin.credentials" // rename, reset the password of, disable, enable, unlock or sign out another administrator
)

// CanCreateAccount reports whether p may create an account holding role
// r: an ordinary account ("" until a role is granted) is the system
// administrator's to make, an administrator's account the security
// administrator's; a business role is never given at creation.
func CanCreateAccount(p Principal, r Role) bool {
	if r.IsAdmin() {
		return grants[p.Role][AdminCreate]
	}
	return r == "" && grants[p.Role][UserCreate]
}

// CanManageAccount reports whether p may take action a (UserUpdate:
// rename, password, disable or enable, sign out everywhere; UserUnlock)
// on account id, which holds role target. Nobody acts on their own
// account this way (changing one's own password is its own use case);
// another administrator's account is the security administrator's alone,
// whatever a is; an ordinary account is whoever a is granted to.
func CanManageAccount(p Principal, a Action, id int64, target Role) bool {
	if p.UserID == 0 || id == p.UserID {
		return false
	}
	if target.IsAdmin() {
		return grants[p.Role][AdminCredentials]
	}
	return grants[p.Role][a]
}

// CanGrant reports whether p may change the role of account id from
// from to to: the security administrator, never on their own account,
// and only between business roles and none, so that an administrator's
// role is never given or taken by a grant.
func CanGrant(p Principal, id int64, from, to Role) bool {
	return grants[p.Role][UserGrant] && p.UserID != 0 && id != p.UserID && !from.IsAdmin() && !to.IsAdmin()
}
