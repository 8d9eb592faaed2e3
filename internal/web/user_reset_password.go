package web

import "net/http"

// userResetPassword sets a new one-time password and shows it once.
func (h *Handler) userResetPassword(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	password, err := h.d.Users.ResetPassword(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	u, err := h.d.Users.Get(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "user_secret", UserSecretPage{
		Page: h.basePage(w, r, "/users"), Account: u, Password: password,
	})
}
