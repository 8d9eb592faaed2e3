package web

import "net/http"

// userEnable re-enables a disabled account.
func (h *Handler) userEnable(w http.ResponseWriter, r *http.Request) {
	h.setUserDisabled(w, r, false, "users.enabled_done")
}
