package records

import (
	"slices"
	"time"

	"github.com/duban/duban/internal/authz"
)

// User is an account. PasswordHash never leaves the server: the API and
// pages use their own view types.
type User struct {
	ID                 int64
	Username           string
	DisplayName        string
	Role               authz.Role // "" until the security administrator grants one
	PasswordHash       string
	Disabled           bool
	FailedLogins       int
	LockedUntil        time.Time // zero when not locked
	SessionsValidAfter time.Time
	PasswordChangedAt  time.Time
	CreatedAt          time.Time
	Units              []int64 // a liaison's units; an office's or a leader's place in the registry tree
	// Scope is, for an office or a leader bound to units, those units'
	// subtrees (signin fills it in per request); nil: the whole city.
	Scope []int64
	// MustChangePassword is set while the password is a one-time one
	// made for the account: its sessions may do nothing but change it.
	MustChangePassword bool
	TOTPEnabled        bool // signs in with a second factor (RFC 6238)
}

// UserCreate is a new account. Role may be empty (granted later).
type UserCreate struct {
	Username     string
	DisplayName  string
	PasswordHash string
	Role         authz.Role
	Units        []int64
	// MustChangePassword marks PasswordHash as a one-time password's.
	MustChangePassword bool
}

// UserUpdate changes the fields that are not nil. A new password hash also
// ends every session of the account.
type UserUpdate struct {
	DisplayName  *string
	Disabled     *bool
	PasswordHash *string
	// MustChangePassword goes with PasswordHash: true for a one-time
	// password made for the account.
	MustChangePassword bool
}

// UserGrant sets an account's role and units.
type UserGrant struct {
	Role  authz.Role
	Units []int64
}

// Principal is what authorisation needs to know of the user.
func (u *User) Principal() authz.Principal {
	return authz.Principal{UserID: u.ID, Username: u.Username, Role: u.Role, Units: slices.Clone(u.Units), Scope: slices.Clone(u.Scope)}
}

// Locked reports whether the account is locked at now.
func (u *User) Locked(now time.Time) bool { return now.Before(u.LockedUntil) }
