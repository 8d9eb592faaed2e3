package webdeps

import (
	"errors"
	"net/http"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/web"
)

// Auth signs browsers in with a session cookie.
type Auth struct {
	Signin *signin.Service
}

// Current is the user the outer middleware found for the request.
func (a *Auth) Current(r *http.Request) (web.CurrentUser, error) {
	c := httpauth.From(r.Context())
	if c == nil || c.User == nil {
		return web.CurrentUser{}, web.ErrSignedOut
	}
	return currentUser(c.User), nil
}

func currentUser(u *records.User) web.CurrentUser {
	return web.CurrentUser{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: string(u.Role),
		MustChangePassword: u.MustChangePassword}
}

// SignIn checks the password, opens a session and sets its cookie:
// HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot
// send it along with a form, Secure (and __Host-, by the server's cookie
// policy) when the browser came over HTTPS.
func (a *Auth) SignIn(w http.ResponseWriter, r *http.Request, username, password string) (web.CurrentUser, error) {
	token, u, err := a.Signin.Login(r.Context(), username, password, httpauth.ClientIP(r), records.SessionWeb, r.UserAgent())
	var locked *signin.LockedError
	switch {
	case errors.As(err, &locked):
		return web.CurrentUser{}, &web.LockedError{Until: locked.Until}
	case errors.Is(err, signin.ErrBadCredentials), errors.Is(err, signin.ErrDisabled):
		return web.CurrentUser{}, web.ErrBadCredentials
	case err != nil:
		return web.CurrentUser{}, err
	}
	http.SetCookie(w, &http.Cookie{Name: httpauth.CookieName, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: httpauth.Secure(r), Expires: a.Signin.Now().Add(a.Signin.Policy.SessionLifetime)})
	return currentUser(u), nil
}

// SignOut ends the session and clears the cookie.
func (a *Auth) SignOut(w http.ResponseWriter, r *http.Request) error {
	http.SetCookie(w, &http.Cookie{Name: httpauth.CookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: httpauth.Secure(r)})
	c := httpauth.From(r.Context())
	if c == nil {
		return nil
	}
	return a.Signin.Logout(r.Context(), httpauth.Actor(r), c.Token)
}
