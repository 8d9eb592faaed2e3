package web

import "net/http"

// userNew shows an empty form for a new account.
func (h *Handler) userNew(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Users.MayCreate(r.Context()); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUserForm(w, r, http.StatusOK, UserFormPage{IsNew: true})
}
