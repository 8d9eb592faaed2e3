package respcache

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestCacheServesUntilTheVersionMoves(t *testing.T) {
	var version atomic.Int64
	var calls atomic.Int64
	// Room for two answers of this size (body, key, headers, overhead).
	c := New(func(context.Context, []string) (int64, error) { return version.Load(), nil }, nil, 2*(entryOverhead+100), 1<<10)
	h := c.Handler(func(r *http.Request) (Key, bool) { return Key{Name: r.URL.Path}, r.URL.Path != "/nocache" },
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
	get("/c") // evicts /a (room for 2)
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
	c := New(func(context.Context, []string) (int64, error) { return 1, nil }, func() time.Time { return now }, 1<<20, 1<<10)
	h := c.Handler(func(r *http.Request) (Key, bool) { return Key{Name: r.URL.Path}, true },
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

// TestCacheBoundedInBytes: answers of every size fill the cache up to its
// bytes and no further, the least recently used going first; an answer
// larger than a body may be is served but not kept.
func TestCacheBoundedInBytes(t *testing.T) {
	const limit = 64 << 10
	c := New(func(context.Context, []string) (int64, error) { return 1, nil }, nil, limit, 8<<10)
	h := c.Handler(func(r *http.Request) (Key, bool) { return Key{Name: r.URL.RequestURI()}, true },
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n, _ := strconv.Atoi(r.URL.Query().Get("n"))
			w.Write(bytes.Repeat([]byte("x"), n))
		}))
	get := func(uri string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", uri, nil))
		return rec.Header().Get("X-Cache")
	}
	for i := range 500 {
		get(fmt.Sprintf("/?n=%d&i=%d", 100+i*37%7000, i))
		if b := c.Bytes(); b > limit {
			t.Fatalf("after %d answers the cache holds %d bytes, more than %d", i+1, b, limit)
		}
	}
	if c.Bytes() < limit/2 {
		t.Errorf("the cache holds %d bytes of %d: it evicts too much", c.Bytes(), limit)
	}
	if get("/?n=10&i=499") != "" || get("/?n=10&i=499") != "hit" {
		t.Error("a new small answer is not kept")
	}
	if get("/?n=9000") != "" || get("/?n=9000") == "hit" {
		t.Error("an answer over the body limit was kept")
	}
}

// TestCacheExpiresByScope: an answer that names its scopes is kept while
// their version stands, whatever happens elsewhere; one that names none
// goes with any change.
func TestCacheExpiresByScope(t *testing.T) {
	var mu sync.Mutex
	gens := map[string]int64{}
	version := func(_ context.Context, scopes []string) (int64, error) {
		mu.Lock()
		defer mu.Unlock()
		var v int64
		for s, g := range gens {
			if scopes == nil || slices.Contains(scopes, s) {
				v += g
			}
		}
		return v, nil
	}
	var calls atomic.Int64
	c := New(version, nil, 1<<20, 1<<10)
	h := c.Handler(func(r *http.Request) (Key, bool) {
		switch r.URL.Path {
		case "/plan1":
			return Key{Name: r.URL.Path, Scopes: []string{"plan:1", "ledger:other"}}, true
		case "/plan2":
			return Key{Name: r.URL.Path, Scopes: []string{"plan:2", "ledger:other"}}, true
		}
		return Key{Name: r.URL.Path}, true
	}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "answer %d", calls.Add(1)) }))
	get := func(path string) string {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Body.String()
	}
	p1, p2, all := get("/plan1"), get("/plan2"), get("/all")
	bump := func(s string) { mu.Lock(); gens[s]++; mu.Unlock() }
	bump("plan:2") // a report on plan 2
	if got := get("/plan1"); got != p1 {
		t.Errorf("plan 1's list expired by a change to plan 2: %q, was %q", got, p1)
	}
	if got := get("/plan2"); got == p2 {
		t.Error("plan 2's list kept through a change to plan 2")
	}
	if got := get("/all"); got == all {
		t.Error("an answer of all data kept through a change")
	}
	p2 = get("/plan2")
	bump("ledger:other") // a unit renamed
	if get("/plan1") == p1 || get("/plan2") == p2 {
		t.Error("a change of no single plan did not expire the plans' lists")
	}
}
