// Package httpauth finds who is calling on every HTTP request — a bearer
// token for scripts, the session cookie for browsers — and puts the
// account in the request's context, where the web pages and the JSON API
// read it. It also knows the client's address for the audit log.
package httpauth

import (
	"context"
	"net/http"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
)

// CookieName is the browser session cookie. Over HTTPS the browser holds
// it as __Host-duban_session; the server reads that back under this name.
const CookieName = "duban_session"

type (
	ctxKey     struct{}
	ipKey      struct{}
	versionKey struct{}
)

// DataVersion is the data version read while authenticating the request,
// when a token was presented.
func DataVersion(ctx context.Context) (int64, bool) {
	v, ok := ctx.Value(versionKey{}).(int64)
	return v, ok
}

// IPFrom is the client address that Middleware noted for the request, for
// services that get a context but not the request.
func IPFrom(ctx context.Context) string {
	ip, _ := ctx.Value(ipKey{}).(string)
	return ip
}

// Caller is the signed-in account of a request and its token.
type Caller struct {
	User  *records.User
	Token string
	Kind  string // records.SessionWeb or records.SessionAPI
}

// Principal is what authorisation needs; the zero Principal (no role)
// may do nothing.
func (c *Caller) Principal() authz.Principal {
	if c == nil || c.User == nil {
		return authz.Principal{}
	}
	return c.User.Principal()
}

// From returns the request's caller, or nil when nobody is signed in.
func From(ctx context.Context) *Caller {
	c, _ := ctx.Value(ctxKey{}).(*Caller)
	return c
}

// With returns ctx carrying c.
func With(ctx context.Context, c *Caller) context.Context { return context.WithValue(ctx, ctxKey{}, c) }

// Middleware authenticates every request that presents a token. A wrong
// or expired token is treated as none: pages then ask to sign in and the
// API answers 401.
func Middleware(s *signin.Service) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r = r.WithContext(context.WithValue(r.Context(), ipKey{}, ClientIP(r)))
			token, kind := presented(r)
			if token != "" {
				if u, sess, version, err := s.AuthenticateAt(r.Context(), token); err == nil {
					kind = sess.Kind
					ctx := context.WithValue(r.Context(), versionKey{}, version)
					r = r.WithContext(With(ctx, &Caller{User: u, Token: token, Kind: kind}))
				}
			}
			next.ServeHTTP(w, r)
		})
	}
}

func presented(r *http.Request) (token, kind string) {
	if h := r.Header.Get("Authorization"); h != "" {
		if t, ok := strings.CutPrefix(h, "Bearer "); ok {
			return strings.TrimSpace(t), records.SessionAPI
		}
	}
	if c, err := r.Cookie(CookieName); err == nil {
		return c.Value, records.SessionWeb
	}
	return "", ""
}

// ClientIP is the caller's address (clientip.Of): X-Forwarded-For is
// believed only from a configured trusted proxy, and then its rightmost
// untrusted hop.
func ClientIP(r *http.Request) string { return clientip.Of(r) }

// Secure is whether the browser reached duban over HTTPS (clientip.Secure):
// cookies set then are Secure, and the server gives them the __Host-
// prefix.
func Secure(r *http.Request) bool { return clientip.Secure(r) }

// Actor is the audit log's view of the request's caller.
func Actor(r *http.Request) audit.Actor {
	a := audit.Actor{IP: ClientIP(r)}
	if c := From(r.Context()); c != nil && c.User != nil {
		a.ID, a.Username = c.User.ID, c.User.Username
	}
	return a
}
