package web

import (
	"errors"
	"net/http"
)

// signInSubmit checks the credentials. Failures re-show the form with the
// user name kept and the password and code never echoed. A wrong name,
// a wrong password and a locked account read alike.
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
		h.signInFailed(w, r, http.StatusUnprocessableEntity, data)
		return
	}
	_, err := h.d.Auth.SignIn(w, r, data.Username, password, r.PostFormValue("code"))
	switch {
	case err == nil:
		redirect(w, r, data.Next)
	case errors.Is(err, ErrTOTPRequired):
		data.Error, data.AskCode = "totp_required", true
		h.signInFailed(w, r, http.StatusUnprocessableEntity, data)
	case errors.Is(err, ErrTOTPInvalid):
		data.Error, data.AskCode = "totp_invalid", true
		h.signInFailed(w, r, http.StatusUnprocessableEntity, data)
	case errors.Is(err, ErrBusy):
		data.Error = "busy"
		h.signInFailed(w, r, http.StatusTooManyRequests, data)
	case errors.Is(err, ErrBadCredentials):
		data.Error = "bad_credentials"
		h.signInFailed(w, r, http.StatusUnprocessableEntity, data)
	default:
		h.serverError(w, r, err)
	}
}

func (h *Handler) signInFailed(w http.ResponseWriter, r *http.Request, status int, data SignInPage) {
	data.Page = h.basePage(w, r, "/signin")
	h.render(w, r, status, "signin", data)
}
