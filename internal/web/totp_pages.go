package web

import (
	"errors"
	"net/http"
)

// TOTPPage is the data of the second-factor page (两步验证).
type TOTPPage struct {
	Page
	TOTPStatus
	Codes []string // the recovery codes, right after confirming
	Error string   // a catalogue key for the code field
}

// enrolling wraps the second-factor pages: a signed-in user may reach
// them even while their role makes them enrol first.
func (h *Handler) enrolling(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := h.d.Auth.Current(r)
		if err != nil && !errors.Is(err, ErrTOTPEnrolment) {
			h.fail(w, r, err)
			return
		}
		next(w, r.WithContext(WithCurrentUser(r.Context(), u)))
	}
}

// totpShow shows the user's second factor: how to set it up, the pending
// secret to scan or type, or that it is on.
func (h *Handler) totpShow(w http.ResponseWriter, r *http.Request) {
	h.renderTOTP(w, r, http.StatusOK, nil, "")
}

// totpStart begins the enrolment and shows the secret.
func (h *Handler) totpStart(w http.ResponseWriter, r *http.Request) {
	if err := h.d.TOTP.Start(r.Context()); err != nil && !errors.As(err, new(*ValidationError)) {
		h.fail(w, r, err)
		return
	}
	redirect(w, r, "/me/totp")
}

// totpConfirm turns the second factor on with a code from the app and
// shows the recovery codes, this once.
func (h *Handler) totpConfirm(w http.ResponseWriter, r *http.Request) {
	if !parseForm(w, r) {
		return
	}
	codes, err := h.d.TOTP.Confirm(r.Context(), r.PostFormValue("code"))
	var invalid *ValidationError
	switch {
	case errors.As(err, &invalid):
		h.renderTOTP(w, r, http.StatusUnprocessableEntity, nil, invalid.Fields["code"])
	case err != nil:
		h.fail(w, r, err)
	default:
		h.renderTOTP(w, r, http.StatusOK, codes, "")
	}
}

func (h *Handler) renderTOTP(w http.ResponseWriter, r *http.Request, status int, codes []string, problem string) {
	st, err := h.d.TOTP.Status(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	h.render(w, r, status, "totp", TOTPPage{Page: h.basePage(w, r, "/me/totp"), TOTPStatus: st, Codes: codes, Error: problem})
}
