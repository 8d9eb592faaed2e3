package server

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/metrics"
)

// recoverer turns a handler's panic into a 500 and one log line, so one
// bad request never takes the server down.
func recoverer(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil && v != http.ErrAbortHandler {
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				http.Error(w, "服务器内部错误 (internal error)", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs each request, counts it in m (when set) under its
// route pattern, never its raw path. With access on, one info line per
// request: method, route pattern, status, milliseconds, bytes, client
// address; no query string (it may carry a name or a token) and no
// header. Otherwise requests log at debug, server errors at warn.
func logRequests(log *slog.Logger, access bool, m *metrics.Metrics, route func(*http.Request) string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now() // the wall clock: elapsed time for the log line, not the service clock
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r)
		took := time.Since(start)
		pattern := route(r)
		if m != nil {
			m.Request(pattern, r.Method, sw.status, took)
		}
		level := slog.LevelDebug
		switch {
		case sw.status >= 500:
			level = slog.LevelWarn
		case access:
			level = slog.LevelInfo
		}
		if pattern == "" {
			pattern = "-"
		}
		log.Log(r.Context(), level, "access", "method", r.Method, "route", pattern, "status", sw.status,
			"ms", took.Milliseconds(), "bytes", sw.bytes, "ip", httpauth.ClientIP(r))
	})
}

// securityHeaders are sent with every response: no framing by other
// sites, no type sniffing, a strict content policy (scripts only from
// duban itself), no referrer to other origins. HSTS goes with HTTPS
// only (secureTransport).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
		next.ServeHTTP(w, r)
	})
}

// hostPrefix marks a cookie the browser keeps only if it came over HTTPS,
// for the whole site (Path=/) and for this host alone (no Domain): no
// other host, nor anyone on plain HTTP, can plant one in its place.
const hostPrefix = "__Host-"

// securePrefix marks a cookie the browser keeps only if it came over
// HTTPS; duban uses it when base_url has a path, since a __Host- cookie
// must be for the whole site.
const securePrefix = "__Secure-"

// secureTransport applies the HTTPS policy in one place, for every cookie
// any page sets and for every answer, cached or not. Over HTTPS (duban's
// TLS, or a trusted proxy saying https) cookies go out Secure and
// __Host- prefixed, only __Host- cookies are read back (under their plain
// names, so handlers ask for the name they set), and HSTS is sent. Over
// plain HTTP, as the demo on 127.0.0.1 runs, neither: a browser would
// refuse a Secure cookie there.
func secureTransport(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secure := clientip.Secure(r)
		if secure {
			r = hostCookiesOnly(r, basepath.From(r.Context()) != "")
		}
		tw := &transportWriter{ResponseWriter: w, secure: secure}
		next.ServeHTTP(tw, r)
		tw.fix() // a handler that wrote nothing: the headers are still ours
	})
}

// hostCookiesOnly is r with only its __Host- cookies, renamed to their
// plain names. A plain-named cookie over HTTPS may have been planted over
// HTTP or by a sibling host, and is dropped.
//
// Under a sub-path (base_url with a path) the cookies are __Secure-, and
// those are read too; at the root they are not, since a sibling host may
// set a __Secure- cookie for the parent domain.
func hostCookiesOnly(r *http.Request, subPath bool) *http.Request {
	if len(r.Header.Values("Cookie")) == 0 {
		return r
	}
	var kept []string
	for _, c := range r.Cookies() {
		name, ok := strings.CutPrefix(c.Name, hostPrefix)
		if !ok && subPath {
			name, ok = strings.CutPrefix(c.Name, securePrefix)
		}
		if ok && name != "" {
			kept = append(kept, (&http.Cookie{Name: name, Value: c.Value, Quoted: c.Quoted}).String())
		}
	}
	r2 := r.Clone(r.Context())
	r2.Header.Del("Cookie")
	if len(kept) > 0 {
		r2.Header.Set("Cookie", strings.Join(kept, "; "))
	}
	return r2
}

// transportWriter fixes the headers just before they are sent.
type transportWriter struct {
	http.ResponseWriter
	secure, fixed bool
}

func (w *transportWriter) fix() {
	if w.fixed {
		return
	}
	w.fixed = true
	h := w.ResponseWriter.Header()
	if !w.secure {
		h.Del("Strict-Transport-Security") // a cached answer may carry one
		return
	}
	h.Set("Strict-Transport-Security", "max-age=31536000")
	lines := h["Set-Cookie"]
	for i, line := range lines {
		c, err := http.ParseSetCookie(line)
		if err != nil {
			continue
		}
		c.Secure = true
		switch {
		case strings.HasPrefix(c.Name, hostPrefix), strings.HasPrefix(c.Name, securePrefix):
		case c.Path == "/" && c.Domain == "":
			c.Name = hostPrefix + c.Name
		default:
			// Under a proxy's sub-path the cookie's Path is the prefix,
			// which __Host- forbids: __Secure- still keeps it off plain HTTP.
			c.Name = securePrefix + c.Name
		}
		lines[i] = c.String()
	}
}

func (w *transportWriter) WriteHeader(code int) {
	w.fix()
	w.ResponseWriter.WriteHeader(code)
}

func (w *transportWriter) Write(b []byte) (int, error) {
	w.fix()
	return w.ResponseWriter.Write(b)
}

func (w *transportWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// FlushError fixes the headers before a flush sends them.
func (w *transportWriter) FlushError() error {
	w.fix()
	return http.NewResponseController(w.ResponseWriter).Flush()
}
