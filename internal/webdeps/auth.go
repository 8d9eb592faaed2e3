package webdeps

import (
	"context"
	"errors"
	"fmt"
	"github.com/duban/duban/internal/basepath"
	"net/http"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/web"
)

// Auth signs browsers in with a session cookie.
type Auth struct {
	Signin *signin.Service
}

// Current is the user the outer middleware found for the request. A user
// whose role requires a second factor not yet set up comes back together
// with web.ErrTOTPEnrolment, so that only the enrolment pages let them in.
func (a *Auth) Current(r *http.Request) (web.CurrentUser, error) {
	c := httpauth.From(r.Context())
	if c == nil || c.User == nil {
		return web.CurrentUser{}, web.ErrSignedOut
	}
	if a.Signin.EnrolmentPending(c.User) {
		return currentUser(c.User), web.ErrTOTPEnrolment
	}
	return currentUser(c.User), nil
}

func currentUser(u *records.User) web.CurrentUser {
	return web.CurrentUser{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: string(u.Role),
		MustChangePassword: u.MustChangePassword}
}

// SignIn checks the password and second factor, opens a session and sets
// its cookie: HttpOnly so scripts cannot read it, SameSite=Lax so other
// sites cannot send it along with a form, Secure (and __Host-, by the
// server's cookie policy) when the browser came over HTTPS.
func (a *Auth) SignIn(w http.ResponseWriter, r *http.Request, username, password, code string) (web.CurrentUser, error) {
	token, u, err := a.Signin.SignIn(r.Context(), signin.Attempt{Username: username, Password: password, Code: code,
		IP: httpauth.ClientIP(r), Kind: records.SessionWeb, Name: r.UserAgent()})
	switch {
	case errors.Is(err, signin.ErrBusy):
		return web.CurrentUser{}, web.ErrBusy
	case errors.Is(err, signin.ErrTOTPRequired):
		return web.CurrentUser{}, web.ErrTOTPRequired
	case errors.Is(err, signin.ErrTOTPInvalid):
		return web.CurrentUser{}, web.ErrTOTPInvalid
	case errors.Is(err, signin.ErrBadCredentials), errors.Is(err, signin.ErrDisabled), errors.Is(err, signin.ErrLocked):
		return web.CurrentUser{}, web.ErrBadCredentials
	case err != nil:
		return web.CurrentUser{}, err
	}
	http.SetCookie(w, &http.Cookie{Name: httpauth.CookieName, Value: token, Path: basepath.CookiePath(basepath.From(r.Context())), HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: httpauth.Secure(r), Expires: a.Signin.Now().Add(a.Signin.Policy.SessionLifetime)})
	return currentUser(u), nil
}

// SignOut ends the session and clears the cookie.
func (a *Auth) SignOut(w http.ResponseWriter, r *http.Request) error {
	http.SetCookie(w, &http.Cookie{Name: httpauth.CookieName, Value: "", Path: basepath.CookiePath(basepath.From(r.Context())), MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: httpauth.Secure(r)})
	c := httpauth.From(r.Context())
	if c == nil {
		return nil
	}
	return a.Signin.Logout(r.Context(), httpauth.Actor(r), c.Token)
}

// TOTP is the signed-in user's second factor, over signin.
type TOTP struct {
	Signin *signin.Service
}

func (t *TOTP) caller(ctx context.Context) (*httpauth.Caller, error) {
	c := httpauth.From(ctx)
	if c == nil || c.User == nil {
		return nil, web.ErrSignedOut
	}
	return c, nil
}

func actorOf(ctx context.Context, c *httpauth.Caller) audit.Actor {
	return audit.Actor{ID: c.User.ID, Username: c.User.Username, IP: httpauth.IPFrom(ctx)}
}

// Status is the user's second factor as it stands, with a pending
// enrolment's secret.
func (t *TOTP) Status(ctx context.Context) (web.TOTPStatus, error) {
	c, err := t.caller(ctx)
	if err != nil {
		return web.TOTPStatus{}, err
	}
	st, err := t.Signin.TOTPStatus(ctx, c.User)
	if err != nil {
		return web.TOTPStatus{}, err
	}
	out := web.TOTPStatus{Required: t.Signin.TOTPRequired(c.User), Enabled: st.Enabled, RecoveryCodes: st.RecoveryCodes}
	if en, ok, err := t.Signin.PendingTOTP(ctx, c.User); err != nil {
		return web.TOTPStatus{}, err
	} else if ok {
		out.URI, out.Grouped = en.URI, en.Grouped
	}
	return out, nil
}

// Start begins an enrolment; an enabled second factor stays as it is.
func (t *TOTP) Start(ctx context.Context) error {
	c, err := t.caller(ctx)
	if err != nil {
		return err
	}
	_, err = t.Signin.StartTOTP(ctx, actorOf(ctx, c), c.User)
	if fault.CodeOf(err) == fault.Conflict {
		return &web.ValidationError{Fields: map[string]string{"": signin.KeyTOTPEnabled}}
	}
	return err
}

// Confirm turns the pending enrolment on and returns the recovery codes.
func (t *TOTP) Confirm(ctx context.Context, code string) ([]string, error) {
	c, err := t.caller(ctx)
	if err != nil {
		return nil, err
	}
	codes, err := t.Signin.ConfirmTOTP(ctx, actorOf(ctx, c), c.User, code)
	if e := fault.As(err); e != nil && (len(e.Fields) > 0 || e.Code == fault.State) {
		return nil, &web.ValidationError{Fields: map[string]string{"code": signin.KeyTOTPCodeWrong}}
	}
	if fault.CodeOf(err) == fault.Conflict {
		return nil, &web.ValidationError{Fields: map[string]string{"code": signin.KeyTOTPEnabled}}
	}
	if err != nil {
		return nil, fmt.Errorf("webdeps: confirm totp: %w", err)
	}
	return codes, nil
}
