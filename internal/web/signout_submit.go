package web

import "net/http"

// signOutSubmit ends the session. It is a POST, guarded like every state
// change, so another site cannot sign people out with an image tag.
func (h *Handler) signOutSubmit(w http.ResponseWriter, r *http.Request) {
	if err := h.d.Auth.SignOut(w, r); err != nil {
		h.serverError(w, r, err)
		return
	}
	flash(w, r, "info", "signout.done")
	redirect(w, r, "/signin")
}
