package signin

import (
	"context"
	"sync/atomic"
	"time"
)

// hashPool bounds how many password hashes run at once. An argon2id check
// holds 19 MiB for its length, so a burst of sign-ins without a bound
// takes memory without end; with one, a request waits its turn briefly
// and is then refused as busy (429) rather than queued for ever.
type hashPool struct {
	slots chan struct{}
	wait  time.Duration

	running atomic.Int64
	peak    atomic.Int64 // the most that ever ran at once
}

func newHashPool(n int, wait time.Duration) *hashPool {
	if n < 1 {
		n = 1
	}
	return &hashPool{slots: make(chan struct{}, n), wait: wait}
}

// do runs f in a slot, waiting at most the pool's wait for one; it is a
// *BusyError when none came free in time.
func (p *hashPool) do(ctx context.Context, f func()) error {
	select {
	case p.slots <- struct{}{}:
	default:
		t := time.NewTimer(p.wait)
		defer t.Stop()
		select {
		case p.slots <- struct{}{}:
		case <-t.C:
			return &BusyError{RetryAfter: time.Second}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	n := p.running.Add(1)
	for {
		peak := p.peak.Load()
		if n <= peak || p.peak.CompareAndSwap(peak, n) {
			break
		}
	}
	defer func() {
		p.running.Add(-1)
		<-p.slots
	}()
	f()
	return nil
}
