package notify

import "time"

// Policy is exponential backoff with jitter and a cap: Base, 2·Base,
// 4·Base … never more than Max between attempts, and at most MaxAttempts
// attempts in all before the message is dead.
type Policy struct {
	Base        time.Duration
	Max         time.Duration
	MaxAttempts int
	// Jitter is the fraction (0–1) by which a delay may be shortened at
	// random, so that messages that failed together — a robot's outage —
	// do not all come back in the same second.
	Jitter float64
}

// DefaultPolicy waits 1m, 2m, 4m … up to 1h, for 8 attempts: about 4 hours
// from the first attempt to the dead-letter list, long enough to ride out a
// mail server's restart and short enough that a notice is not a day late.
func DefaultPolicy() Policy {
	return Policy{Base: time.Minute, Max: time.Hour, MaxAttempts: 8, Jitter: 0.2}
}

// NextAttempt says when to try again after attempt (1-based) failed at now,
// or giveUp when attempt was the last. rnd returns a number in [0, 1) —
// math/rand/v2.Float64 in production, a constant in tests; nil means no
// jitter.
func (p Policy) NextAttempt(attempt int, now time.Time, rnd func() float64) (next time.Time, giveUp bool) {
	if attempt >= p.MaxAttempts {
		return time.Time{}, true
	}
	if attempt < 1 {
		attempt = 1
	}
	d := p.Base
	for i := 1; i < attempt && d < p.Max; i++ {
		d *= 2
	}
	if p.Max > 0 && d > p.Max {
		d = p.Max
	}
	if rnd != nil && p.Jitter > 0 {
		// Shorten only, so the cap holds and the schedule stays predictable
		// from above.
		d -= time.Duration(float64(d) * p.Jitter * rnd())
	}
	return now.Add(d), false
}
