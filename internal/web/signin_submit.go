package web

import (
	"errors"
	"net/http"
)

// signInSubmit checks the credentials. Failures re-show the form with the
// user name kept and the password never echoed.
func (h *Handler) signInSubmit(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	data := SignInPage{
		Username: field(r, "username"),
		Next:     safeNext(r.PostFormValue("next")),
	}
	password := r.PostFormValue("password")
	if data.Username == "" || password == "" {
		data.Error = "required"
		h.signInFailed(w, r, data)
		return
	}
	_, err := h.d.Auth.SignIn(w, r, data.Username, password)
	var locked *LockedError
	switch {
	case err == nil:
		http.Redirect(w, r, data.Next, http.StatusSeeOther)
	case errors.As(err, &locked):
		data.Error, data.LockedUntil = "locked", locked.Until
		h.signInFailed(w, r, data)
	case errors.Is(err, ErrBadCredentials):
		data.Error = "bad_credentials"
		h.signInFailed(w, r, data)
	default:
		h.serverError(w, r, err)
	}
}

func (h *Handler) signInFailed(w http.ResponseWriter, r *http.Request, data SignInPage) {
	data.Page = h.basePage(w, r, "/signin")
	h.render(w, r, http.StatusUnprocessableEntity, "signin", data)
}
