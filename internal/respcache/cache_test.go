package respcache

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

func TestCacheServesUntilTheVersionMoves(t *testing.T) {
	var version atomic.Int64
	var calls atomic.Int64
	c := New(func(context.Context) (int64, error) { return version.Load(), nil }, nil, 2, 1<<10)
	h := c.Handler(func(r *http.Request) (string, bool) { return r.URL.Path, r.URL.Path != "/nocache" },
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := calls.Add(1)
			if r.URL.Path == "/cookie" {
				http.SetCookie(w, &http.Cookie{Name: "x", Value: "y"})
			}
			fmt.Fprintf(w, "answer %d", n)
		}))
	get := func(path string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Body.String()
	}
	if a, b := get("/a"), get("/a"); a != "answer 1" || b != "answer 1" {
		t.Fatalf("second GET not from cache: %q %q", a, b)
	}
	version.Add(1) // a write happened
	if got := get("/a"); got != "answer 2" {
		t.Errorf("after a write: %q", got)
	}
	if a, b := get("/nocache"), get("/nocache"); a == b {
		t.Error("a request the key refused was cached")
	}
	if a, b := get("/cookie"), get("/cookie"); a == b {
		t.Error("a response that sets a cookie was cached")
	}
	get("/b")
	get("/c") // evicts /a (max 2)
	if got := get("/a"); got == "answer 2" {
		t.Error("the least recently used entry was not evicted")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/a", nil))
	if rec.Header().Get("X-Cache") != "" {
		t.Error("a POST was served from the cache")
	}
}

// TestCacheKeepsAnAnswerForItsDay: an answer made on one day in China is
// not served on the next, by the clock the cache is given, though nothing
// was written: statuses turn on dates.
func TestCacheKeepsAnAnswerForItsDay(t *testing.T) {
	now := time.Date(2026, 3, 2, 15, 59, 0, 0, time.UTC) // 23:59 in China
	var calls atomic.Int64
	c := New(func(context.Context) (int64, error) { return 1, nil }, func() time.Time { return now }, 8, 1<<10)
	h := c.Handler(func(r *http.Request) (string, bool) { return r.URL.Path, true },
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "answer %d", calls.Add(1)) }))
	get := func() string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/a", nil))
		return rec.Body.String()
	}
	if a, b := get(), get(); a != "answer 1" || b != "answer 1" {
		t.Fatalf("same day: %q %q, want the first answer twice", a, b)
	}
	now = now.Add(2 * time.Minute) // 00:01 the next day in China, 16:01 UTC the same day
	if got := get(); got != "answer 2" {
		t.Errorf("after midnight in China: %q, want a fresh answer", got)
	}
	if got := get(); got != "answer 2" {
		t.Errorf("later that day: %q, want the day's answer from the cache", got)
	}
}
