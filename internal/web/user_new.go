package web

import "net/http"

// userNew shows an empty form for a new account.
func (h *Handler) userNew(w http.ResponseWriter, r *http.Request) {
	h.renderUserForm(w, r, http.StatusOK, UserFormPage{IsNew: true})
}
