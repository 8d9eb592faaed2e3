// Package respcache keeps GET responses in memory and serves them again
// until the data changes. "The data changed" is a version number that
// every write moves — duban uses the audit chain's head, since every
// change appends to it in the same transaction — so a cached answer is
// never stale, on one instance or several sharing a database: each request
// reads the version (one indexed row) and serves the cache only if it is
// unchanged. Statuses turn on dates, so an answer is also kept only for the
// day in China it was made on, by the clock the cache is given.
package respcache

import (
	"bytes"
	"container/list"
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/duban/duban/internal/workday"
)

// Cache is a bounded LRU of responses.
type Cache struct {
	version func(context.Context) (int64, error)
	now     func() time.Time
	max     int
	maxBody int

	mu      sync.Mutex
	entries map[string]*list.Element
	lru     *list.List
}

type entry struct {
	key     string
	version int64
	day     time.Time // the date in China the answer was made on
	status  int
	header  http.Header
	body    []byte
}

// New returns a cache of at most max responses of at most maxBody bytes,
// valid while version answers the same and now is on the same day in
// China; nil now means time.Now.
func New(version func(context.Context) (int64, error), now func() time.Time, max, maxBody int) *Cache {
	if now == nil {
		now = time.Now
	}
	return &Cache{version: version, now: now, max: max, maxBody: maxBody, entries: map[string]*list.Element{}, lru: list.New()}
}

// Handler serves GET requests for which key answers ok from the cache, and
// fills the cache with next's 200 answers that set no cookie.
func (c *Cache) Handler(key func(*http.Request) (string, bool), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k, ok := "", r.Method == http.MethodGet
		if ok {
			k, ok = key(r)
		}
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		v, err := c.version(r.Context())
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
			c.put(&entry{key: k, version: v, day: day, status: rec.status, header: w.Header().Clone(), body: rec.buf.Bytes()})
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
		c.lru.Remove(el)
		delete(c.entries, k)
		return nil
	}
	c.lru.MoveToFront(el)
	return e
}

func (c *Cache) put(e *entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[e.key]; ok {
		c.lru.Remove(el)
	}
	c.entries[e.key] = c.lru.PushFront(e)
	for c.lru.Len() > c.max {
		old := c.lru.Back()
		c.lru.Remove(old)
		delete(c.entries, old.Value.(*entry).key)
	}
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
