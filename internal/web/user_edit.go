package web

import "net/http"

// userEdit shows an account's form filled with its current values.
func (h *Handler) userEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.d.Users.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUserForm(w, r, http.StatusOK, UserFormPage{ID: id, Form: UserForm{
		Username: u.Username, DisplayName: u.DisplayName, Role: u.Role, UnitIDs: u.UnitIDs,
	}})
}
