// Package respcache keeps GET responses in memory and serves them again
// until the data they show changes. "Changed" is a version number that
// the writes move: for an answer that names the scopes of data it shows
// (a plan's tasks, the ledger), the sum of those scopes' generations, which
// the store moves in the same transaction as each change's audit entry;
// for any other, the audit chain's head, which every change moves. So a
// cached answer is never stale, on one instance or several sharing a
// database, and a change in one place expires only the answers that show
// it: each request reads the version (one indexed row, cached briefly)
// and serves the cache only if it is unchanged. Statuses turn on dates,
// so an answer is also kept only for the day in China it was made on, by
// the clock the cache is given. The cache is bounded in bytes.
package respcache

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/duban/duban/internal/workday"
)

// Key is what an answer is cached under: Name, which must tell apart
// every caller whose answer may differ (the server puts the account in
// it), and the Scopes of data the answer shows; nil Scopes is all data.
type Key struct {
	Name   string
	Scopes []string
}

// Version is the data version of scopes (nil: all data).
type Version func(ctx context.Context, scopes []string) (int64, error)

// Cache is an LRU of responses bounded in bytes.
type Cache struct {
	version  Version
	now      func() time.Time
	maxBytes int
	maxBody  int

	mu      sync.Mutex
	entries map[string]*list.Element
	lru     *list.List
	bytes   int // the sizes of the entries held
}

type entry struct {
	key     string
	version int64
	day     time.Time // the date in China the answer was made on
	status  int
	header  http.Header
	body    []byte
	size    int
}

// New returns a cache of at most maxBytes of responses, each of at most
// maxBody bytes, valid while version answers the same and now is on the
// same day in China; nil now means time.Now.
func New(version Version, now func() time.Time, maxBytes, maxBody int) *Cache {
	if now == nil {
		now = time.Now
	}
	return &Cache{version: version, now: now, maxBytes: maxBytes, maxBody: min(maxBody, maxBytes),
		entries: map[string]*list.Element{}, lru: list.New()}
}

// Bytes is how many bytes the held answers take, as the bound counts them.
func (c *Cache) Bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Handler serves GET requests for which key answers ok from the cache, and
// fills the cache with next's 200 answers that set no cookie.
func (c *Cache) Handler(key func(*http.Request) (Key, bool), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var ck Key
		ok := r.Method == http.MethodGet
		if ok {
			ck, ok = key(r)
		}
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		k := ck.Name
		v, err := c.version(r.Context(), ck.Scopes)
		if err != nil {
			next.ServeHTTP(w, r)
			return
		}
		day := workday.DateOf(c.now().In(workday.Zone))
		if e := c.get(k, v, day); e != nil {
			h := w.Header()
			for name, vals := range e.header {
				h[name] = vals
			}
			h.Set("X-Cache", "hit")
			w.WriteHeader(e.status)
			w.Write(e.body)
			return
		}
		rec := &recorder{ResponseWriter: w, status: http.StatusOK, limit: c.maxBody}
		next.ServeHTTP(rec, r)
		if rec.status == http.StatusOK && !rec.over && w.Header().Get("Set-Cookie") == "" {
			body := rec.buf.Bytes()
			if cap(body)-len(body) > max(len(body)/8, 8<<10) {
				body = bytes.Clone(body) // not to keep what the buffer grew by
			}
			e := &entry{key: k, version: v, day: day, status: rec.status, header: w.Header().Clone(), body: body}
			e.size = sizeOf(e)
			c.put(e)
		}
	})
}

func (c *Cache) get(k string, v int64, day time.Time) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[k]
	if !ok {
		return nil
	}
	e := el.Value.(*entry)
	if e.version != v || !e.day.Equal(day) {
		c.remove(el)
		return nil
	}
	c.lru.MoveToFront(el)
	return e
}

func (c *Cache) put(e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[e.key]; ok {
		c.remove(el)
	}
	if e.size > c.maxBytes {
		return
	}
	c.entries[e.key] = c.lru.PushFront(e)
	c.bytes += e.size
	for c.bytes > c.maxBytes {
		c.remove(c.lru.Back())
	}
}

func (c *Cache) remove(el *list.Element) {
	e := el.Value.(*entry)
	c.lru.Remove(el)
	delete(c.entries, e.key)
	c.bytes -= e.size
}

// entryOverhead is what an entry costs besides its key, headers and body:
// the list element, the map slot, the entry itself.
const entryOverhead = 256

// sizeOf is what an entry holds in memory, near enough to bound the cache:
// the key twice (map and entry), the headers and the body.
func sizeOf(e *entry) int {
	n := entryOverhead + 2*len(e.key) + cap(e.body)
	for name, vals := range e.header {
		n += len(name) + 16
		for _, v := range vals {
			n += len(v) + 16
		}
	}
	return n
}

// recorder passes a response through and keeps a copy of its body, up to
// a limit past which the response is not cached.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
	limit  int
	over   bool
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	// A body of a length told is kept in a buffer of that size.
	if n, err := strconv.Atoi(r.Header().Get("Content-Length")); err == nil && n > 0 && n <= r.limit {
		r.buf.Grow(n)
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.over {
		if r.buf.Len()+len(b) > r.limit {
			r.over = true
			r.buf = bytes.Buffer{}
		} else {
			r.buf.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}
