package notify

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Outcome is the result of one delivery step, for the outbox to store.
type Outcome struct {
	// Sent means the peer accepted the message: mark the row done.
	Sent bool
	// RetryAt is when to try again; zero when Sent or Dead.
	RetryAt time.Time
	// Dead means never try again on its own: move the row to the
	// dead-letter list with Err.
	Dead bool
	// Attempted is false when the limiter deferred the message before any
	// send; the outbox must then not count an attempt.
	Attempted bool
	Err       error
}

// ErrRateLimited is the Err of an Outcome the local Limiter deferred.
var ErrRateLimited = errors.New("notify: channel rate limit reached")

// Deliver makes attempt (1-based) of m on ch at now with DefaultPolicy.
func Deliver(ctx context.Context, ch Channel, lim *Limiter, m Message, attempt int, now time.Time) Outcome {
	return DefaultPolicy().Deliver(ctx, ch, lim, m, attempt, now, rand.Float64)
}

// Deliver makes attempt (1-based) of m on ch at now: it checks the message,
// asks the limiter, sends once and classifies the result under p.
func (p Policy) Deliver(ctx context.Context, ch Channel, lim *Limiter, m Message, attempt int, now time.Time, rnd func() float64) Outcome {
	if err := m.Validate(); err != nil {
		return Outcome{Dead: true, Err: err}
	}
	if ok, at := lim.Allow(now); !ok {
		return Outcome{RetryAt: at, Err: ErrRateLimited}
	}
	err := ch.Send(ctx, m)
	if err == nil {
		return Outcome{Sent: true, Attempted: true}
	}
	if !IsRetryable(err) {
		return Outcome{Dead: true, Attempted: true, Err: err}
	}
	next, giveUp := p.NextAttempt(attempt, now, rnd)
	if giveUp {
		return Outcome{Dead: true, Attempted: true, Err: err}
	}
	// A peer that says when to come back knows better than our schedule.
	if ra := retryAfter(err); ra > 0 && now.Add(ra).After(next) {
		next = now.Add(ra)
	}
	return Outcome{RetryAt: next, Attempted: true, Err: err}
}
