package respcache

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

func TestCacheServesUntilTheVersionMoves(t *testing.T) {
	var version atomic.Int64
	var calls atomic.Int64
	c := New(func(context.Context) (int64, error) { return version.Load(), nil }, 2, 1<<10)
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
