package api

import (
	"time"

	"github.com/duban/duban/internal/adminsvc"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
)

// userView is an account as the API shows it: never a password hash.
type userView struct {
	ID          int64     `json:"id"`
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Role        string    `json:"role"`
	RoleLabel   string    `json:"role_label"`
	Units       []int64   `json:"units"`
	Disabled    bool      `json:"disabled"`
	Locked      bool      `json:"locked"`
	CreatedAt   time.Time `json:"created_at"`
}

// viewUser is the signed-in account u at now.
func viewUser(loc i18n.Localizer, u *records.User, now time.Time) userView {
	return viewAccount(loc, adminsvc.Account{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: u.Role,
		Units: u.Units, Disabled: u.Disabled, Locked: u.Locked(now), CreatedAt: u.CreatedAt})
}

// viewAccount is an account as administration gives it, its role named in
// the caller's language.
func viewAccount(loc i18n.Localizer, a adminsvc.Account) userView {
	units := a.Units
	if units == nil {
		units = []int64{}
	}
	return userView{ID: a.ID, Username: a.Username, DisplayName: a.DisplayName, Role: string(a.Role),
		RoleLabel: roleLabel(loc, a.Role), Units: units, Disabled: a.Disabled, Locked: a.Locked, CreatedAt: a.CreatedAt}
}

// roleLabel is the role's name from the catalogue; no role is "none".
func roleLabel(loc i18n.Localizer, r authz.Role) string {
	if r == "" {
		return loc.T("role.none")
	}
	return loc.T("role." + string(r))
}

// auditView is one audit entry.
type auditView struct {
	Seq        int64     `json:"seq"`
	At         time.Time `json:"at"`
	ActorID    int64     `json:"actor_id"`
	Actor      string    `json:"actor"`
	IP         string    `json:"ip"`
	Action     string    `json:"action"`
	ObjectType string    `json:"object_type"`
	ObjectID   string    `json:"object_id"`
	Before     string    `json:"before"`
	After      string    `json:"after"`
	Hash       string    `json:"hash"`
}

func viewAudit(e audit.Entry) auditView {
	return auditView{e.Seq, e.At, e.ActorID, e.Actor, e.IP, e.Action, e.ObjectType, e.ObjectID, e.Before, e.After, e.Hash}
}

// list is the envelope of every list response.
type list[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}
