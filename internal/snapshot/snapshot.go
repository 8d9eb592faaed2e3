// Package snapshot keeps the last result of a costly reading of the
// database — a province's dashboard, a year's ranking — until the data
// changes. A request gets the result at once while the data has not
// moved. When it has, one refresh starts and the request waits for it up
// to Patience: a small ledger's refresh finishes in time and the answer is
// exact; a province's takes seconds, and the request gets the previous
// result, stamped with when it was computed, while the refresh runs on.
package snapshot

import (
	"context"
	"sync"
	"time"
)

// DefaultPatience is how long a request waits for a refresh.
const DefaultPatience = 150 * time.Millisecond

// Cache holds one result per key (a period, a day).
type Cache[K comparable, V any] struct {
	// Patience is how long a request waits for a refresh before it takes
	// the previous result; zero means DefaultPatience.
	Patience time.Duration

	mu      sync.Mutex
	entries map[K]*entry[V]
}

type entry[V any] struct {
	version int64 // the data version the value was computed at
	value   V
	at      time.Time // when it was computed
	ready   bool
	err     error         // the last refresh's failure
	refresh chan struct{} // closed when the running refresh ends; nil when none runs
}

// Result is a value and when it was computed.
type Result[V any] struct {
	Value V
	At    time.Time
	Stale bool // the data has changed since; a refresh is running
}

// Get returns the value for key at data version version, computing it
// with compute as described in the package comment. The first computation
// of a key is waited for in full. compute runs with a context detached
// from the request's, so that a refresh outlives an impatient request.
// now is the caller's clock, which stamps a result with when it was
// computed; nil means time.Now.
func (c *Cache[K, V]) Get(ctx context.Context, key K, version int64, now func() time.Time, compute func(context.Context) (V, error)) (Result[V], error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[K]*entry[V]{}
	}
	e := c.entries[key]
	if e == nil {
		c.prune()
		e = &entry[V]{}
		c.entries[key] = e
	}
	if e.ready && e.version == version {
		r := Result[V]{Value: e.value, At: e.at}
		c.mu.Unlock()
		return r, nil
	}
	done := e.refresh
	if done == nil {
		done = make(chan struct{})
		e.refresh = done
		if now == nil {
			now = time.Now
		}
		go c.run(key, e, version, now, compute, done)
	}
	first := !e.ready
	c.mu.Unlock()

	patience := c.Patience
	if patience == 0 {
		patience = DefaultPatience
	}
	timer := time.NewTimer(patience)
	defer timer.Stop()
	if first {
		timer.Stop() // nothing to serve meanwhile
		select {
		case <-done:
		case <-ctx.Done():
			return Result[V]{}, ctx.Err()
		}
	} else {
		select {
		case <-done:
		case <-timer.C:
		case <-ctx.Done():
			return Result[V]{}, ctx.Err()
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !e.ready {
		return Result[V]{}, e.err
	}
	return Result[V]{Value: e.value, At: e.at, Stale: e.version != version}, nil
}

// run computes one refresh and publishes it.
func (c *Cache[K, V]) run(key K, e *entry[V], version int64, now func() time.Time, compute func(context.Context) (V, error), done chan struct{}) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	v, err := compute(ctx)
	c.mu.Lock()
	if err == nil {
		e.value, e.version, e.at, e.ready = v, version, now(), true
	}
	e.err, e.refresh = err, nil
	c.mu.Unlock()
	close(done)
}

// maxEntries bounds the keys kept: keys carry the day, and yesterday's
// results are of no use.
const maxEntries = 64

// prune forgets the idle entries once there are too many. Called with
// c.mu held.
func (c *Cache[K, V]) prune() {
	if len(c.entries) < maxEntries {
		return
	}
	for k, e := range c.entries {
		if e.refresh == nil {
			delete(c.entries, k)
		}
	}
}
