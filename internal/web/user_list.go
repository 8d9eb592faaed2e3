package web

import (
	"net/http"
	"strings"
)

// UserListPage is the data of the user administration list.
type UserListPage struct {
	Page
	Users []UserView
	Total int // accounts before filtering
	Q     string
	Role  string // role filter; "" for all
	Roles []Option
}

// Option is one choice of a select.
type Option struct {
	Value    string
	Label    string
	Selected bool
}

// userList shows the accounts, filtered by a search text and a role.
func (h *Handler) userList(w http.ResponseWriter, r *http.Request) {
	users, err := h.d.Users.List(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	role := r.URL.Query().Get("role")
	data := UserListPage{Total: len(users), Q: q, Role: role}
	for _, u := range users {
		if matchUser(u, q, role) {
			data.Users = append(data.Users, u)
		}
	}
	data.Roles = h.roleOptions(r, role)
	data.Page = h.basePage(w, r, "")
	h.render(w, r, http.StatusOK, "users", data)
}

func matchUser(u UserView, q, role string) bool {
	if role != "" && u.Role != role {
		return false
	}
	if q == "" {
		return true
	}
	q = strings.ToLower(q)
	if strings.Contains(strings.ToLower(u.Username), q) || strings.Contains(strings.ToLower(u.DisplayName), q) {
		return true
	}
	for _, n := range u.Units {
		if strings.Contains(n, q) {
			return true
		}
	}
	return false
}

// renderUserRow answers an htmx row action with the row's new state, or
// a plain form post with the list and a flash message.
func (h *Handler) renderUserRow(w http.ResponseWriter, r *http.Request, id int64, flashKey string) {
	u, err := h.d.Users.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if isHTMX(r) {
		h.renderFragment(w, r, http.StatusOK, "users", "user_row", u)
		return
	}
	flash(w, r, "success", flashKey, "name", u.Username)
	redirect(w, r, "/users")
}
