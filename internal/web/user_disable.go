package web

import "net/http"

// userDisable disables an account; its sessions end with it.
func (h *Handler) userDisable(w http.ResponseWriter, r *http.Request) {
	h.setUserDisabled(w, r, true, "users.disabled_done")
}

func (h *Handler) setUserDisabled(w http.ResponseWriter, r *http.Request, disabled bool, flashKey string) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Users.SetDisabled(r.Context(), id, disabled); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUserRow(w, r, id, flashKey)
}
