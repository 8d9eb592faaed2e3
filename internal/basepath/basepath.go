// Package basepath is the path prefix duban is reached under when a
// reverse proxy serves it on a sub-path (base_url https://host/duban/).
// Inside duban every route and every link it builds is a path from the
// root ("/tasks/5"); the prefix is added once, where a link leaves for
// the browser: templates' path function, the web pages' redirect, cookie
// paths, the API document's servers.
package basepath

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// FromURL is the prefix of a base_url: its path without the trailing
// slash, "" when duban is reached at the root (or no base_url is set).
func FromURL(base string) string {
	if base == "" {
		return ""
	}
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return Clean(u.Path)
}

// Clean writes a prefix the one way duban compares it: "/duban" (a
// leading slash, none at the end), "" for the root.
func Clean(prefix string) string {
	prefix = strings.TrimRight(prefix, "/")
	if prefix != "" && !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	return prefix
}

// Join puts prefix before p when p is a path on this site ("/tasks/5").
// Anything else (a query "?page=2", a fragment, a full URL, "") is
// returned as it is, so Join is safe on any link.
func Join(prefix, p string) string {
	if prefix == "" || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return p
	}
	return prefix + p
}

// CookiePath is the Path of duban's cookies: the prefix, so a browser
// sends them to duban and not to the other sites behind the same proxy.
func CookiePath(prefix string) string {
	if prefix == "" {
		return "/"
	}
	return prefix
}

type ctxKey struct{}

// With returns a copy of ctx carrying prefix.
func With(ctx context.Context, prefix string) context.Context {
	return context.WithValue(ctx, ctxKey{}, prefix)
}

// From is the prefix the request's context carries, "" when none.
func From(ctx context.Context) string {
	p, _ := ctx.Value(ctxKey{}).(string)
	return p
}

// For is Join with the prefix of r's context: the link to p as the
// browser must write it.
func For(r *http.Request, p string) string { return Join(From(r.Context()), p) }

// Handler serves next under prefix. It records the prefix in the request's
// context, and when the proxy passed the prefix along (proxy_pass without
// a trailing slash) it takes it off, so the routes see "/tasks" either way.
func Handler(prefix string, next http.Handler) http.Handler {
	prefix = Clean(prefix)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := With(r.Context(), prefix)
		if prefix != "" && (r.URL.Path == prefix || strings.HasPrefix(r.URL.Path, prefix+"/")) {
			r2 := r.Clone(ctx)
			r2.URL.Path = "/" + strings.TrimPrefix(strings.TrimPrefix(r.URL.Path, prefix), "/")
			if r.URL.RawPath != "" {
				r2.URL.RawPath = "/" + strings.TrimPrefix(strings.TrimPrefix(r.URL.RawPath, prefix), "/")
			}
			r2.RequestURI = r2.URL.RequestURI()
			next.ServeHTTP(w, r2)
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
