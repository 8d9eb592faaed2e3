package web

import "net/http"

// userUnlock lifts a lockout after repeated failed sign-ins.
func (h *Handler) userUnlock(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if err := h.d.Users.Unlock(r.Context(), id); err != nil {
		h.fail(w, r, err)
		return
	}
	h.renderUserRow(w, r, id, "users.unlocked_done")
}
