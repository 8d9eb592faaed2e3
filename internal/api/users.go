package api

import (
	"net/http"

	"github.com/duban/duban/internal/adminsvc"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
)

// userList lists the accounts, for the system and security administrators.
func (h *Handler) userList(w http.ResponseWriter, r *http.Request) {
	p, _, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	all, err := h.Admin.Users(r.Context(), p)
	if err != nil {
		fail(w, r, err)
		return
	}
	loc := localizer(r)
	items := make([]userView, len(all))
	for i, a := range all {
		items[i] = viewAccount(loc, a)
	}
	writeJSON(w, http.StatusOK, list[userView]{Items: items, Total: len(items)})
}

// userCreate makes an account: an ordinary one (the system
// administrator's) or an administrator's (the security administrator's);
// business roles are granted afterwards (三员分立, adminsvc). With no
// password given the answer carries a one-time password, shown this once.
func (h *Handler) userCreate(w http.ResponseWriter, r *http.Request) {
	p, actor, err := principalOf(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	var in struct {
		Username    string `json:"username"`
		DisplayName string `json:"display_name"`
		Role        string `json:"role"`
		Password    string `json:"password"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	a, oneTime, err := h.Admin.CreateUser(r.Context(), p, actor, adminsvc.NewUser{Username: in.Username,
		DisplayName: in.DisplayName, Role: authz.Role(in.Role), Password: in.Password})
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, createdUser{viewAccount(localizer(r), a), oneTime})
}

// createdUser is a new account and, when it was made, its one-time
// password.
type createdUser struct {
	userView
	Password string `json:"password,omitempty"`
}

// replyUser answers with the account, or with err.
func replyUser(w http.ResponseWriter, r *http.Request, a adminsvc.Account, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, viewAccount(localizer(r), a))
}

// userUpdate changes an account's name, disables or enables it, or sets
// its password (which also ends its sessions), in one change.
func (h *Handler) userUpdate(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	var in struct {
		DisplayName *string `json:"display_name"`
		Disabled    *bool   `json:"disabled"`
		Password    *string `json:"password"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	a, err := h.Admin.UpdateUser(r.Context(), p, actor, id, adminsvc.UserChange{DisplayName: in.DisplayName,
		Disabled: in.Disabled, Password: in.Password})
	replyUser(w, r, a, err)
}

// userGrant sets a role and, for a liaison, units; role "" takes the role
// away. Nobody grants to themselves.
func (h *Handler) userGrant(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	var in struct {
		Role  *string `json:"role"`
		Units []int64 `json:"units"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if in.Role == nil {
		// Only an explicit "" takes the role away, never a body that
		// forgot it.
		fail(w, r, fault.Field("role", "error.required"))
		return
	}
	a, err := h.Admin.Grant(r.Context(), p, actor, id, authz.Role(*in.Role), in.Units)
	replyUser(w, r, a, err)
}

// userUnlock lifts a lockout.
func (h *Handler) userUnlock(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	a, err := h.Admin.Unlock(r.Context(), p, actor, id)
	replyUser(w, r, a, err)
}

// userTOTPReset takes away an account's second factor (a lost phone).
func (h *Handler) userTOTPReset(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	a, err := h.Admin.ResetTOTP(r.Context(), p, actor, id)
	replyUser(w, r, a, err)
}

// userLogoutAll ends every session of an account: the system
// administrator for anyone, anyone for themselves.
func (h *Handler) userLogoutAll(w http.ResponseWriter, r *http.Request) {
	p, actor, id, ok := h.callOn(w, r)
	if !ok {
		return
	}
	if err := h.Admin.LogoutEverywhere(r.Context(), p, actor, id); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// callOn reads who calls and the path's account id; on failure it has
// answered already and ok is false.
func (h *Handler) callOn(w http.ResponseWriter, r *http.Request) (p authz.Principal, actor audit.Actor, id int64, ok bool) {
	p, actor, err := principalOf(r)
	if err == nil {
		id, err = pathID(r)
	}
	if err != nil {
		fail(w, r, err)
		return p, actor, 0, false
	}
	return p, actor, id, true
}
