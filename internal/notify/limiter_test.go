package notify

import (
	"context"
	"testing"
	"time"
)

func TestLimiterAllow(t *testing.T) {
	t0 := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	// 3 per 10 s, so the steps stay readable; the robots' 20/min is the same code.
	steps := []struct {
		at      float64
		ok      bool
		retryAt float64
	}{
		{0, true, 0},
		{1, true, 0},
		{2, true, 0},
		{3, false, 10}, // the send at 0 frees its slot at 10
		{9.9, false, 10},
		{10, true, 0},
		{10.5, false, 11},
		{11, true, 0},
		{12, true, 0},
		{13, false, 20},
		{40, true, 0}, // a long pause frees everything
		{40, true, 0},
		{40, true, 0},
		{40, false, 50},
	}
	l := NewLimiter(3, 10*time.Second, nil)
	for i, s := range steps {
		ok, retryAt := l.Allow(at(s.at))
		want := time.Time{}
		if !s.ok {
			want = at(s.retryAt)
		}
		if ok != s.ok || !retryAt.Equal(want) {
			t.Errorf("step %d at %vs: Allow = %v, %v; want %v, %v", i, s.at, ok, retryAt, s.ok, want)
		}
	}
}

func TestRobotLimiterNoBurstAcrossMinute(t *testing.T) {
	// 20 at 09:00:59 and then nothing until 09:01:59, not 20 more at 09:01:00
	// as a fixed per-minute counter would allow.
	l := RobotLimiter(nil)
	t0 := time.Date(2025, 3, 14, 9, 0, 59, 0, time.UTC)
	for i := range 20 {
		if ok, _ := l.Allow(t0); !ok {
			t.Fatalf("send %d refused", i)
		}
	}
	if ok, at := l.Allow(t0.Add(time.Second)); ok || !at.Equal(t0.Add(time.Minute)) {
		t.Errorf("21st send: ok=%v retryAt=%v", ok, at)
	}
}

func TestLimiterWait(t *testing.T) {
	l := NewLimiter(2, 50*time.Millisecond, nil)
	ctx := context.Background()
	start := time.Now()
	for range 3 {
		if err := l.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 45*time.Millisecond {
		t.Errorf("third Wait returned after %v, want about 50ms", d)
	}
	ctx, cancel := context.WithCancel(ctx)
	cancel()
	l.Wait(context.Background())
	if err := l.Wait(ctx); err == nil {
		t.Error("Wait on a cancelled context with the limit reached returned nil")
	}
	var nl *Limiter
	if ok, _ := nl.Allow(time.Now()); !ok || nl.Wait(context.Background()) != nil {
		t.Error("nil Limiter must allow everything")
	}
}
