package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/i18n"
)

// maxFormBytes bounds a submitted form. The largest honest one, a task's
// review with its units and dates, is a few kilobytes.
const maxFormBytes = 1 << 20

// maxUploadBytes bounds a form with files: a plan document (at most 64
// MiB) or a report's attachments (several of at most 20 MiB each). Only
// upload forms are multipart; ParseMultipartForm keeps what passes 32 MiB
// on disk, not in memory.
const maxUploadBytes = 100 << 20

// Handler serves the HTML pages. Build it with New and mount it at the
// root of the server's mux; it answers every path it does not know with
// the 404 page, so mount more specific handlers (/api/, /healthz) beside
// it.
type Handler struct {
	d      Deps
	views  *views
	assets *assets
	mux    *http.ServeMux
	// next is mux wrapped in the request-wide middleware.
	next http.Handler
	// publicForms limits the public ticket form per client address.
	publicForms ipLimiter
}

// New parses the templates, hashes the static files and builds the routes.
// It fails only if the embedded files are broken, which the tests catch.
func New(d Deps) (*Handler, error) {
	if d.Auth == nil {
		return nil, errors.New("web: Deps.Auth is required")
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	d.BasePath = basepath.Clean(d.BasePath)
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	v, err := loadViews(a, d.BasePath)
	if err != nil {
		return nil, err
	}
	h := &Handler{d: d, views: v, assets: a, mux: http.NewServeMux()}
	h.routes()

	// Cross-site state changes are refused by Go's own protection, which
	// reads Sec-Fetch-Site and Origin: no tokens in forms or htmx headers.
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.errorPage(w, r, http.StatusForbidden)
	}))
	h.next = securityHeaders(withLanguage(cop.Handler(h.mux)))
	return h, nil
}

// ServeHTTP implements http.Handler. The request carries the prefix the
// pages are served under (Deps.BasePath), for redirects and cookies.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.next.ServeHTTP(w, r.WithContext(basepath.With(r.Context(), h.d.BasePath)))
}

// Pattern is the route pattern of the page that serves r ("GET /tasks/{id}"),
// so that metrics and the access log count pages by route, not all as "/".
func (h *Handler) Pattern(r *http.Request) string {
	_, p := h.mux.Handler(r)
	return p
}

// securityHeaders sets the headers every response carries. The content
// security policy allows only our own files: no inline script, so text
// that slipped past escaping still could not run.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			limit := int64(maxFormBytes)
			if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
				limit = maxUploadBytes
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// withLanguage picks the request's language and remembers an explicit
// ?lang= choice in a cookie.
func withLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		loc, chosen := i18n.FromRequest(r)
		if chosen {
			c := i18n.Cookie(loc.Lang())
			c.Path = basepath.CookiePath(basepath.From(r.Context()))
			http.SetCookie(w, c)
		}
		next.ServeHTTP(w, r.WithContext(i18n.WithLocalizer(r.Context(), loc)))
	})
}

type userKey struct{}

// WithCurrentUser returns a copy of ctx carrying u.
func WithCurrentUser(ctx context.Context, u CurrentUser) context.Context {
	return context.WithValue(ctx, userKey{}, u)
}

// CurrentUserFrom returns the signed-in user of a request's context. The
// services behind Deps read the acting user from here.
func CurrentUserFrom(ctx context.Context) (CurrentUser, bool) {
	u, ok := ctx.Value(userKey{}).(CurrentUser)
	return u, ok
}

// signedIn wraps a page that needs a signed-in user: it puts the user in
// the request context or sends the person to the sign-in page.
func (h *Handler) signedIn(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := h.d.Auth.Current(r)
		if err != nil {
			h.fail(w, r, err)
			return
		}
		next(w, r.WithContext(WithCurrentUser(r.Context(), u)))
	}
}

// redirect is the one way a page sends the browser elsewhere: target is
// a path from duban's root ("/tasks/5"), and redirect puts the prefix of
// a reverse proxy's sub-path before it (package basepath); never call
// http.Redirect in this package. htmx follows a 303 inside its
// XMLHttpRequest and would swap the whole next page into a fragment, so
// it gets HX-Redirect instead.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	target = basepath.For(r, target)
	if isHTMX(r) {
		w.Header().Set("HX-Redirect", target)
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
