package signin

import (
	"sync"
	"time"
)

// limiter is a set of token buckets, one per key (an address, an account
// name), held in memory and bounded in number: when it is full, buckets
// that have refilled are forgotten (they hold nothing a fresh bucket
// would not), and if that frees none the newcomers share one overflow
// bucket, so a flood from many addresses can neither grow memory nor
// escape the limit. A nil limiter allows everything.
type limiter struct {
	mu       sync.Mutex
	rate     float64 // tokens per second
	burst    float64
	max      int
	buckets  map[string]*bucket
	overflow bucket
	swept    time.Time
}

type bucket struct {
	tokens     float64
	at         time.Time
	suppressed int // refusals since the last allowed take, for the audit
}

// newLimiter allows perMinute takes a minute per key, in bursts of as
// many; nil (no limit) when perMinute is 0 or less.
func newLimiter(perMinute, maxKeys int) *limiter {
	if perMinute <= 0 {
		return nil
	}
	return &limiter{rate: float64(perMinute) / 60, burst: float64(perMinute), max: maxKeys, buckets: map[string]*bucket{}}
}

// take spends a token of key. When none is left it says how long until
// one is, and counts the refusal.
func (l *limiter) take(key string, now time.Time) (ok bool, retry time.Duration) {
	if l == nil {
		return true, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.find(key, now)
	l.refill(b, now)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	b.suppressed++
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// note is take for the audit: when allowed, it also returns how many
// takes were refused since the last allowed one, and starts that count
// again.
func (l *limiter) note(key string, now time.Time) (ok bool, suppressed int) {
	if l == nil {
		return true, 0
	}
	if ok, _ := l.take(key, now); !ok {
		return false, 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.find(key, now)
	n := b.suppressed
	b.suppressed = 0
	return true, n
}

// give returns a token taken for an attempt that turned out good: a
// person who signs in correctly does not use up the limit.
func (l *limiter) give(key string, now time.Time) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if b, ok := l.buckets[key]; ok {
		l.refill(b, now)
		b.tokens = min(b.tokens+1, l.burst)
	}
}

func (l *limiter) refill(b *bucket, now time.Time) {
	if b.at.IsZero() {
		b.tokens, b.at = l.burst, now
		return
	}
	if d := now.Sub(b.at); d > 0 {
		b.tokens = min(b.tokens+d.Seconds()*l.rate, l.burst)
		b.at = now
	}
}

// find returns key's bucket, making one if there is room.
func (l *limiter) find(key string, now time.Time) *bucket {
	if b, ok := l.buckets[key]; ok {
		return b
	}
	if len(l.buckets) >= l.max && now.Sub(l.swept) >= time.Second {
		l.swept = now
		full := l.burst / l.rate // seconds an empty bucket takes to refill
		for k, b := range l.buckets {
			if now.Sub(b.at).Seconds()*l.rate+b.tokens >= l.burst || now.Sub(b.at).Seconds() > full {
				delete(l.buckets, k)
			}
		}
	}
	if len(l.buckets) >= l.max {
		return &l.overflow
	}
	b := &bucket{}
	l.buckets[key] = b
	return b
}

// size is how many keys the limiter holds.
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}
