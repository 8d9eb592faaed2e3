package api

import (
	"net/http"

	"github.com/duban/duban/internal/httpauth"
)

// meTOTPStart begins the caller's second-factor enrolment and returns the
// otpauth:// address for an authenticator app and the secret to type.
func (h *Handler) meTOTPStart(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	en, err := h.Signin.StartTOTP(r.Context(), httpauth.Actor(r), c.User)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"otpauth_uri": en.URI, "secret": en.Secret})
}

// meTOTPConfirm turns the enrolment on with a code from the app and
// returns the recovery codes, this once.
func (h *Handler) meTOTPConfirm(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	var in struct {
		Code string `json:"code"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	codes, err := h.Signin.ConfirmTOTP(r.Context(), httpauth.Actor(r), c.User, in.Code)
	if err != nil {
		fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"enabled": true, "recovery_codes": codes})
}

// enrolmentOnly are the routes a caller whose role requires a second
// factor may use before enrolling: enrolment itself, who am I, sign-out.
var enrolmentOnly = map[string]bool{
	"POST /api/v1/me/totp":         true,
	"POST /api/v1/me/totp/confirm": true,
	"GET /api/v1/me":               true,
	"POST /api/v1/auth/logout":     true,
	"POST /api/v1/auth/token":      true,
	"GET /api/v1/openapi.json":     true,
}

// needsEnrolment answers 403 totp_enrolment_required, and reports true,
// when the caller must enrol a second factor before using route.
func (h *Handler) needsEnrolment(w http.ResponseWriter, r *http.Request, route string) bool {
	c := httpauth.From(r.Context())
	if c == nil || enrolmentOnly[route] || !h.Signin.EnrolmentPending(c.User) {
		return false
	}
	var body apiError
	body.Error.Code, body.Error.Message = "totp_enrolment_required", localizer(r).T("api.error.totp_enrolment_required")
	writeJSON(w, http.StatusForbidden, body)
	return true
}
