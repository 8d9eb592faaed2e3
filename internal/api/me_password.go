package api

import (
	"net/http"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/signin"
)

// mePasswordPut changes the caller's own password, {old, new}: the one
// call a session opened with a one-time password may make (besides
// signing out). The token it was made with stays valid; every other
// session and token of the account ends.
func (h *Handler) mePasswordPut(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	var in struct {
		Old string `json:"old"`
		New string `json:"new"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if err := h.Signin.ChangePassword(r.Context(), httpauth.Actor(r), c.Token, signin.PasswordChange{Old: in.Old, New: in.New}); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
