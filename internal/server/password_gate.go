package server

import (
	"encoding/json"
	"github.com/duban/duban/internal/basepath"
	"net/http"
	"strings"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/i18n"
)

// passwordChangeOpen are the requests a session opened with a one-time
// password may make: changing the password, on the page or through the
// API, and signing out.
var passwordChangeOpen = map[string]bool{
	"PUT /api/v1/me/password":  true,
	"POST /api/v1/auth/logout": true,
	"GET /me/password":         true,
	"POST /me/password":        true,
	"POST /signout":            true,
}

// passwordGate holds a caller whose password is a one-time one (made at
// creation or by a reset) to changing it: the API answers 403
// {"error":{"code":"password_change_required"}}, the pages send the
// browser to /me/password. Static files and the health checks pass, so
// that the page can be drawn. It sits inside authentication and outside
// the response cache, so that no cached answer slips past it.
func passwordGate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := httpauth.From(r.Context())
		if c == nil || c.User == nil || !c.User.MustChangePassword || passwordChangeOpen[r.Method+" "+r.URL.Path] ||
			strings.HasPrefix(r.URL.Path, "/static/") || r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			loc, _ := i18n.FromRequest(r)
			var body struct {
				Error struct {
					Code    string `json:"code"`
					Message string `json:"message"`
				} `json:"error"`
			}
			body.Error.Code, body.Error.Message = "password_change_required", loc.T("error.password_change_required")
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusForbidden)
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(true)
			_ = enc.Encode(body)
			return
		}
		if r.Header.Get("HX-Request") == "true" { // htmx would swap the page into a fragment
			w.Header().Set("HX-Redirect", basepath.For(r, "/me/password"))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.Redirect(w, r, basepath.For(r, "/me/password"), http.StatusSeeOther)
	})
}
