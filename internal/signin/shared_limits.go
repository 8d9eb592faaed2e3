package signin

import (
	"context"
	"time"
)

// RateCounter counts attempts per key in fixed windows in a place every
// instance of duban shares: the database, when several instances serve
// one PostgreSQL (store.DB.CountRate).
type RateCounter interface {
	CountRate(ctx context.Context, scope, key string, start time.Time, add int) (int, error)
}

// ShareLimits makes the per-address and per-account throttles count in c,
// so that a client spreading its guesses over several instances behind a
// balancer gets no more than from one. Shared, a throttle allows its
// number of attempts a minute in each calendar minute, rather than a
// token bucket's steady flow. If c fails, the process's own throttle
// stands in: a database hiccup must not open the door nor lock everyone
// out. Call it after SetLimits, before serving.
func (s *Service) ShareLimits(c RateCounter) { s.shared = c }

// take spends an attempt of key on throttle l (scope names it in the
// shared counter).
func (s *Service) take(ctx context.Context, l *limiter, scope, key string, now time.Time) (bool, time.Duration) {
	if l == nil || s.shared == nil {
		return l.take(key, now)
	}
	window := now.Truncate(time.Minute)
	n, err := s.shared.CountRate(ctx, scope, key, window, 1)
	if err != nil {
		return l.take(key, now)
	}
	if float64(n) > l.burst {
		return false, window.Add(time.Minute).Sub(now)
	}
	return true, 0
}

// give returns an attempt of key that turned out good, as limiter.give.
func (s *Service) give(ctx context.Context, l *limiter, scope, key string, now time.Time) {
	if l == nil || s.shared == nil {
		l.give(key, now)
		return
	}
	if _, err := s.shared.CountRate(ctx, scope, key, now.Truncate(time.Minute), -1); err != nil {
		l.give(key, now)
	}
}
