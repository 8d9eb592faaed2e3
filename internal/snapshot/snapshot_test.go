package snapshot

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// TestFreshWhileQuick: a quick refresh is waited for, so the answer
// follows the data at once.
func TestFreshWhileQuick(t *testing.T) {
	var c Cache[string, int]
	ctx := context.Background()
	var calls atomic.Int32
	compute := func(v int) func(context.Context) (int, error) {
		return func(context.Context) (int, error) { calls.Add(1); return v, nil }
	}
	for i, want := range []int{1, 1, 2} {
		version := int64(1)
		if i == 2 {
			version = 2
		}
		r, err := c.Get(ctx, "k", version, nil, compute(int(version)))
		if err != nil || r.Value != want || r.Stale {
			t.Errorf("get %d: %+v %v, want %d fresh", i, r, err, want)
		}
	}
	if calls.Load() != 2 {
		t.Errorf("%d computations, want 2 (the second get was cached)", calls.Load())
	}
}

// TestStaleWhileSlow: a slow refresh is not waited for beyond Patience;
// the previous value comes back marked stale, and the fresh one once the
// refresh is done. Only one refresh runs however many ask.
func TestStaleWhileSlow(t *testing.T) {
	c := Cache[string, int]{Patience: 20 * time.Millisecond}
	ctx := context.Background()
	if r, _ := c.Get(ctx, "k", 1, nil, func(context.Context) (int, error) { return 1, nil }); r.Value != 1 {
		t.Fatal(r)
	}
	release := make(chan struct{})
	var calls atomic.Int32
	slow := func(context.Context) (int, error) { calls.Add(1); <-release; return 2, nil }
	for i := 0; i < 3; i++ {
		start := time.Now()
		r, err := c.Get(ctx, "k", 2, nil, slow)
		if err != nil || r.Value != 1 || !r.Stale || time.Since(start) > time.Second {
			t.Errorf("while refreshing: %+v %v after %s", r, err, time.Since(start))
		}
	}
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for {
		r, _ := c.Get(ctx, "k", 2, nil, slow)
		if r.Value == 2 && !r.Stale {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the refresh never landed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if calls.Load() != 1 {
		t.Errorf("%d refreshes ran, want 1", calls.Load())
	}
}

// TestFirstErrorReturned: a first computation that fails is an error,
// and the next request tries again.
func TestFirstErrorReturned(t *testing.T) {
	var c Cache[int, int]
	boom := errors.New("boom")
	if _, err := c.Get(context.Background(), 1, 1, nil, func(context.Context) (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
	if r, err := c.Get(context.Background(), 1, 1, nil, func(context.Context) (int, error) { return 7, nil }); err != nil || r.Value != 7 {
		t.Errorf("retry: %+v %v", r, err)
	}
}

// BenchmarkServed is a request for a reading already made, the data
// unchanged: what a leader opening the dashboard again waits.
func BenchmarkServed(b *testing.B) {
	var c Cache[int, []int]
	ctx := context.Background()
	compute := func(context.Context) ([]int, error) { return make([]int, 2000), nil }
	if _, err := c.Get(ctx, 1, 1, nil, compute); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := c.Get(ctx, 1, 1, nil, compute); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStampedByTheCallersClock: a result's At is the caller's clock
// reading when it was computed, not the machine's.
func TestStampedByTheCallersClock(t *testing.T) {
	var c Cache[string, int]
	at := time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)
	r, err := c.Get(context.Background(), "k", 1, func() time.Time { return at }, func(context.Context) (int, error) { return 1, nil })
	if err != nil || !r.At.Equal(at) {
		t.Errorf("got %+v %v, want At %s", r, err, at)
	}
}
