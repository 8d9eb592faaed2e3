package notify

import (
	"testing"
	"time"
)

func TestNextAttempt(t *testing.T) {
	now := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	p := DefaultPolicy()
	zero := func() float64 { return 0 }
	top := func() float64 { return 0.999999 }
	tests := []struct {
		attempt int
		rnd     func() float64
		want    time.Duration
		giveUp  bool
	}{
		{0, zero, time.Minute, false},
		{1, zero, time.Minute, false},
		{2, zero, 2 * time.Minute, false},
		{3, nil, 4 * time.Minute, false},
		{6, zero, 32 * time.Minute, false},
		{7, zero, time.Hour, false}, // 64m capped
		{7, top, 48 * time.Minute, false},
		{2, top, 96 * time.Second, false}, // 2m less up to 20%
		{8, zero, 0, true},
		{100, zero, 0, true},
	}
	for _, tt := range tests {
		next, giveUp := p.NextAttempt(tt.attempt, now, tt.rnd)
		if giveUp != tt.giveUp {
			t.Errorf("attempt %d: giveUp = %v", tt.attempt, giveUp)
			continue
		}
		if giveUp {
			continue
		}
		if d := next.Sub(now); d.Round(time.Second) != tt.want {
			t.Errorf("attempt %d: delay %v, want %v", tt.attempt, d, tt.want)
		}
	}
}

// TestNextAttemptBounds checks over many random draws that a delay stays
// within [(1-Jitter)·d, d] and never exceeds Max.
func TestNextAttemptBounds(t *testing.T) {
	p := Policy{Base: time.Minute, Max: time.Hour, MaxAttempts: 40, Jitter: 0.5}
	now := time.Unix(0, 0)
	for attempt := 1; attempt < 40; attempt++ {
		for _, r := range []float64{0, 0.25, 0.5, 0.75, 0.9999} {
			next, _ := p.NextAttempt(attempt, now, func() float64 { return r })
			d := next.Sub(now)
			full := min(time.Minute<<min(attempt-1, 10), time.Hour)
			if d > full || d < full/2 || d > p.Max {
				t.Fatalf("attempt %d r %v: delay %v outside [%v, %v]", attempt, r, d, full/2, full)
			}
		}
	}
}
