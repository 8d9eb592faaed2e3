package api

import (
	"errors"
	"net/http"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// userList lists the accounts, for the system and security administrators.
func (h *Handler) userList(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.UserList); err != nil {
		fail(w, r, err)
		return
	}
	users, err := h.Store.FindUsers(r.Context())
	if err != nil {
		fail(w, r, err)
		return
	}
	now := h.Signin.Now()
	items := make([]userView, len(users))
	for i := range users {
		items[i] = viewUser(&users[i], now)
	}
	writeJSON(w, http.StatusOK, list[userView]{Items: items, Total: len(items)})
}

// userCreate makes an account without a role: the security administrator
// grants it (三员分立).
func (h *Handler) userCreate(w http.ResponseWriter, r *http.Request) {
	if _, err := allowed(r, authz.UserCreate); err != nil {
		fail(w, r, err)
		return
	}
	var in struct {
		Username    string `json:"username"`
		DisplayName string `json:"display_name"`
		Password    string `json:"password"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	hash, err := h.checkedHash(in.Username, in.Password)
	if err != nil {
		fail(w, r, err)
		return
	}
	u, err := h.Store.CreateUser(r.Context(), httpauth.Actor(r), records.UserCreate{Username: in.Username, DisplayName: in.DisplayName, PasswordHash: hash})
	h.replyUser(w, r, http.StatusCreated, u, err)
}

// replyUser answers with the account, or with err.
func (h *Handler) replyUser(w http.ResponseWriter, r *http.Request, status int, u *records.User, err error) {
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, status, viewUser(u, h.Signin.Now()))
}

// userUpdate changes an account's name, disables or enables it, or resets
// its password (which also ends its sessions).
func (h *Handler) userUpdate(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.UserUpdate)
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
	up := records.UserUpdate{DisplayName: in.DisplayName, Disabled: in.Disabled}
	if in.Password != nil {
		target, err := h.Store.FindUserByID(r.Context(), id)
		if err != nil {
			fail(w, r, err)
			return
		}
		hash, err := h.checkedHash(target.Username, *in.Password)
		if err != nil {
			fail(w, r, err)
			return
		}
		up.PasswordHash = &hash
	}
	u, err := h.Store.UpdateUser(r.Context(), httpauth.Actor(r), id, up)
	h.replyUser(w, r, http.StatusOK, u, err)
}

// userGrant sets a role and, for a liaison, units. Nobody grants to
// themselves: that would let one administrator take another's powers.
func (h *Handler) userGrant(w http.ResponseWriter, r *http.Request) {
	c, id, ok := begin(w, r, authz.UserGrant)
	if !ok {
		return
	}
	if id == c.User.ID {
		fail(w, r, errForbidden)
		return
	}
	var in struct {
		Role  string  `json:"role"`
		Units []int64 `json:"units"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	role := authz.Role(in.Role)
	if !role.Valid() {
		fail(w, r, errBadRequestf("role 应为 sysadmin/secadmin/auditadmin/office/liaison/leader"))
		return
	}
	if role == authz.Liaison && len(in.Units) == 0 {
		fail(w, r, errBadRequestf("联络员须至少绑定一个单位 (a liaison needs at least one unit)"))
		return
	}
	u, err := h.Store.GrantUser(r.Context(), httpauth.Actor(r), id, records.UserGrant{Role: role, Units: in.Units})
	h.replyUser(w, r, http.StatusOK, u, err)
}

// userUnlock lifts a lockout.
func (h *Handler) userUnlock(w http.ResponseWriter, r *http.Request) {
	_, id, ok := begin(w, r, authz.UserUnlock)
	if !ok {
		return
	}
	u, err := h.Store.UnlockUser(r.Context(), httpauth.Actor(r), id)
	h.replyUser(w, r, http.StatusOK, u, err)
}

// userLogoutAll ends every session of an account: the system
// administrator for anyone, anyone for themselves.
func (h *Handler) userLogoutAll(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	id, err := pathID(r)
	if err != nil {
		fail(w, r, err)
		return
	}
	if id != c.User.ID && !authz.Allowed(c.Principal(), authz.UserUpdate) {
		fail(w, r, errForbidden)
		return
	}
	if err := h.Store.LogoutEverywhere(r.Context(), httpauth.Actor(r), id); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// checkedHash applies the password rules and hashes an accepted password.
func (h *Handler) checkedHash(username, password string) (string, error) {
	if key := h.Signin.Policy.CheckRules(username, password); key != "" {
		return "", passwordProblem(key, h.Signin.Policy)
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return "", errors.Join(errors.New("hash password"), err)
	}
	return hash, nil
}
