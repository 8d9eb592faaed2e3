package api

import (
	"errors"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
)

// tokenCreate exchanges a username and password — and, for an account
// with a second factor, a TOTP or recovery code — for an API token.
func (h *Handler) tokenCreate(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
		TOTP     string `json:"totp"`
		Name     string `json:"name"`
	}
	if err := readJSON(r, &in); err != nil {
		fail(w, r, err)
		return
	}
	if in.Name == "" {
		in.Name = "api"
	}
	token, _, err := h.Signin.SignIn(r.Context(), signin.Attempt{Username: in.Username, Password: in.Password, Code: in.TOTP,
		IP: httpauth.ClientIP(r), Kind: records.SessionAPI, Name: in.Name})
	if err != nil {
		failSignin(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{
		"token":      token,
		"expires_at": h.Signin.Now().Add(h.Signin.Policy.TokenLifetime).UTC().Truncate(time.Second),
	})
}

// failSignin answers a refused sign-in: 429 with Retry-After when busy or
// throttled, 401 totp_required or totp_invalid for the second factor, and
// otherwise as fail does (one 401 for every wrong name, password, lock).
func failSignin(w http.ResponseWriter, r *http.Request, err error) {
	status, code := 0, ""
	var busy *signin.BusyError
	switch {
	case errors.As(err, &busy):
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(max(busy.RetryAfter, time.Second).Seconds()))))
		status, code = http.StatusTooManyRequests, "busy"
	case errors.Is(err, signin.ErrTOTPRequired):
		status, code = http.StatusUnauthorized, "totp_required"
	case errors.Is(err, signin.ErrTOTPInvalid):
		status, code = http.StatusUnauthorized, "totp_invalid"
	default:
		fail(w, r, err)
		return
	}
	var body apiError
	body.Error.Code, body.Error.Message = code, localizer(r).T("api.error."+code)
	writeJSON(w, status, body)
}

// logout revokes the token or session the request was made with.
func (h *Handler) logout(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	if err := h.Signin.Logout(r.Context(), httpauth.Actor(r), c.Token); err != nil {
		fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// meGet describes the caller.
func (h *Handler) meGet(w http.ResponseWriter, r *http.Request) {
	c := httpauth.From(r.Context())
	if c == nil {
		fail(w, r, errUnauthenticated)
		return
	}
	writeJSON(w, http.StatusOK, viewUser(localizer(r), c.User, h.Signin.Now()))
}
