package notify

import (
	"context"
	"sync"
	"time"
)

// Limiter allows at most N sends in any window of the given length: a
// sliding log of the last N send times. A sliding window, unlike a fixed
// per-minute counter, never lets 2N messages through across a minute
// boundary, which is exactly what trips the robots' 20-a-minute limit.
type Limiter struct {
	n      int
	window time.Duration
	now    func() time.Time

	mu   sync.Mutex
	sent []time.Time // ring of the last n send times
	next int         // index of the oldest entry once the ring is full
}

// NewLimiter allows n sends per window. now is the clock Wait uses; nil
// means time.Now.
func NewLimiter(n int, window time.Duration, now func() time.Time) *Limiter {
	if n < 1 {
		n = 1
	}
	return &Limiter{n: n, window: window, now: clock(now)}
}

// RobotLimiter is the limit DingTalk and WeCom robots enforce: 20 a minute.
func RobotLimiter(now func() time.Time) *Limiter {
	return NewLimiter(20, time.Minute, now)
}

// Allow records a send at now and reports true if the limit permits it;
// otherwise it records nothing and returns the earliest time a send will be
// permitted. A nil Limiter allows everything.
func (l *Limiter) Allow(now time.Time) (ok bool, retryAt time.Time) {
	if l == nil {
		return true, time.Time{}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.sent) < l.n {
		l.sent = append(l.sent, now)
		return true, time.Time{}
	}
	oldest := l.sent[l.next]
	if free := oldest.Add(l.window); now.Before(free) {
		return false, free
	}
	l.sent[l.next] = now
	l.next = (l.next + 1) % l.n
	return true, time.Time{}
}

// Wait blocks until a send is allowed and records it, or until ctx is done.
func (l *Limiter) Wait(ctx context.Context) error {
	if l == nil {
		return ctx.Err()
	}
	for {
		ok, at := l.Allow(l.now())
		if ok {
			return nil
		}
		t := time.NewTimer(at.Sub(l.now()))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
