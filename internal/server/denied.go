package server

import (
	"context"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/httpauth"
)

// DeniedAction is the audit action of a refused request.
const DeniedAction = "access.denied"

// deniedPerMinute caps the refusals recorded in one minute, whoever
// makes them; what is left out is counted into the next entry.
const deniedPerMinute = 60

// The reasons a refusal is recorded with.
const (
	whyNoCredentials  = "no_credentials"  // 401: nothing presented
	whyBadCredentials = "bad_credentials" // 401: a token or cookie that signs no one in
	whyRoleOrUnit     = "role_or_unit"    // 403: a signed-in caller not allowed by role or unit
	whyForbidden      = "forbidden"       // 403: an anonymous caller refused (a key, a public limit)
	whyCrossOrigin    = "cross_origin"    // 403: a cross-site write, refused before authentication
)

// eventRecorder writes an audit entry that goes with no stored change.
type eventRecorder interface {
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}

// DeniedDetail is what an access.denied entry records besides who and
// from where.
type DeniedDetail struct {
	Method string `json:"method"`
	Path   string `json:"path"`
	Status int    `json:"status"`
	Why    string `json:"why"`
	Role   string `json:"role,omitempty"`
	// Dropped counts the refusals left out of the log since the entry
	// before this one: repeats within the minute and those over the cap.
	Dropped int `json:"dropped,omitempty"`
}

// denials audits refused requests, the API's and the pages' alike, in
// one place: every 401, and every 403, as the answer went out. A flood
// cannot fill the log: one entry per caller (account, or address when
// nobody is signed in), method and path per minute, at most deniedPerMinute
// entries a minute in all, and the count of what was left out goes into
// the next entry written.
type denials struct {
	store eventRecorder
	now   func() time.Time
	log   *slog.Logger
	limit int

	mu      sync.Mutex
	window  time.Time // the start of the current minute
	seen    map[denialKey]bool
	written int // entries written in the current minute
	dropped int // refusals left out since the last entry written
}

type denialKey struct{ who, method, path string }

func newDenials(store eventRecorder, now func() time.Time, log *slog.Logger) *denials {
	return &denials{store: store, now: now, log: log, limit: deniedPerMinute, seen: map[denialKey]bool{}}
}

// noteKey carries a request's callerNote down to where authentication
// has happened.
type noteKey struct{}

// callerNote is filled in by noteCaller, inside authentication, and read
// by the denials handler outside it once the answer is out.
type callerNote struct {
	reached bool // the request got past the cross-origin check
	caller  *httpauth.Caller
}

// Handler records next's refusals. It sits outside the cross-origin
// check, to see its refusals too; noteCaller, inside authentication,
// tells it who was calling.
func (d *denials) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		note := &callerNote{}
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(sw, r.WithContext(context.WithValue(r.Context(), noteKey{}, note)))
		if sw.status != http.StatusUnauthorized && sw.status != http.StatusForbidden {
			return
		}
		if signInAttempt(r) {
			return // a failed sign-in has its own entry, auth.login
		}
		d.record(r, sw.status, note)
	})
}

// noteCaller tells the denials handler who the request's caller is.
func noteCaller(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if note, ok := r.Context().Value(noteKey{}).(*callerNote); ok {
			note.reached = true
			note.caller = httpauth.From(r.Context())
		}
		next.ServeHTTP(w, r)
	})
}

// signInAttempt is whether r is a sign-in, whose failure the sign-in
// service audits.
func signInAttempt(r *http.Request) bool {
	return r.Method == http.MethodPost && (r.URL.Path == "/api/v1/auth/token" || r.URL.Path == "/signin")
}

func (d *denials) record(r *http.Request, status int, note *callerNote) {
	actor := audit.Actor{IP: httpauth.ClientIP(r)}
	detail := DeniedDetail{Method: r.Method, Path: r.URL.Path, Status: status}
	who := "ip:" + actor.IP
	if c := note.caller; c != nil && c.User != nil {
		actor.ID, actor.Username = c.User.ID, c.User.Username
		detail.Role = string(c.User.Role)
		who = "user:" + c.User.Username
	}
	switch {
	case status == http.StatusForbidden && !note.reached:
		detail.Why = whyCrossOrigin
	case status == http.StatusForbidden && actor.ID != 0:
		detail.Why = whyRoleOrUnit
	case status == http.StatusForbidden:
		detail.Why = whyForbidden
	case presentsCredentials(r):
		detail.Why = whyBadCredentials
	default:
		detail.Why = whyNoCredentials
	}
	dropped, ok := d.admit(denialKey{who: who, method: r.Method, path: r.URL.Path})
	if !ok {
		return
	}
	detail.Dropped = dropped
	// The answer is out: the entry is written even if the client has gone.
	ctx := context.WithoutCancel(r.Context())
	if err := d.store.RecordEvent(ctx, actor, DeniedAction, "request", r.Method+" "+r.URL.Path, detail); err != nil {
		d.log.Error("audit: access.denied", "err", err, "path", r.URL.Path)
		d.mu.Lock()
		d.dropped += dropped + 1 // not lost: counted into the next entry
		d.mu.Unlock()
	}
}

// admit reports whether a refusal of key is to be written now, and how
// many were left out before it.
func (d *denials) admit(key denialKey) (dropped int, ok bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if now := d.now(); now.Before(d.window) || !now.Before(d.window.Add(time.Minute)) {
		d.window = now.Truncate(time.Minute)
		d.written = 0
		clear(d.seen)
	}
	// The map holds at most limit keys: past the cap nothing is added.
	if d.seen[key] || d.written >= d.limit {
		d.dropped++
		return 0, false
	}
	d.seen[key] = true
	d.written++
	dropped, d.dropped = d.dropped, 0
	return dropped, true
}

// presentsCredentials is whether r carries a bearer token or a session
// cookie.
func presentsCredentials(r *http.Request) bool {
	if r.Header.Get("Authorization") != "" {
		return true
	}
	_, err := r.Cookie(httpauth.CookieName)
	return err == nil
}
