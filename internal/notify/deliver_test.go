package notify

import (
	"context"
	"errors"
	"testing"
	"time"
)

// fakeChannel returns the errors it is given, one per call.
type fakeChannel struct {
	errs  []error
	calls int
}

func (f *fakeChannel) Name() string { return "fake" }

func (f *fakeChannel) Send(context.Context, Message) error {
	f.calls++
	if len(f.errs) == 0 {
		return nil
	}
	err := f.errs[0]
	f.errs = f.errs[1:]
	return err
}

func TestDeliver(t *testing.T) {
	now := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	p := DefaultPolicy()
	noJitter := func() float64 { return 0 }
	slow := retryable("fake", 429, errors.New("slow down"))
	slow.RetryAfter = 10 * time.Minute
	tests := []struct {
		name    string
		err     error
		msg     func(*Message)
		attempt int
		full    bool // limiter already full
		want    Outcome
		calls   int
	}{
		{name: "sent", attempt: 1, want: Outcome{Sent: true, Attempted: true}, calls: 1},
		{name: "retryable", err: retryable("fake", 503, errors.New("down")), attempt: 1,
			want: Outcome{RetryAt: now.Add(time.Minute), Attempted: true}, calls: 1},
		{name: "third retry", err: retryable("fake", 0, errors.New("reset")), attempt: 3,
			want: Outcome{RetryAt: now.Add(4 * time.Minute), Attempted: true}, calls: 1},
		{name: "retry-after wins when later", err: slow, attempt: 1,
			want: Outcome{RetryAt: now.Add(10 * time.Minute), Attempted: true}, calls: 1},
		{name: "permanent is dead at once", err: permanent("fake", 400, errors.New("bad")), attempt: 1,
			want: Outcome{Dead: true, Attempted: true}, calls: 1},
		{name: "last attempt is dead", err: retryable("fake", 503, errors.New("down")), attempt: 8,
			want: Outcome{Dead: true, Attempted: true}, calls: 1},
		{name: "no key is dead unsent", msg: func(m *Message) { m.Key = "" }, attempt: 1,
			want: Outcome{Dead: true}, calls: 0},
		{name: "limiter defers without an attempt", full: true, attempt: 1,
			want: Outcome{RetryAt: now.Add(time.Minute)}, calls: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch := &fakeChannel{}
			if tt.err != nil {
				ch.errs = []error{tt.err}
			}
			lim := NewLimiter(1, time.Minute, nil)
			if tt.full {
				lim.Allow(now)
			}
			m := testMessage()
			if tt.msg != nil {
				tt.msg(&m)
			}
			got := p.Deliver(context.Background(), ch, lim, m, tt.attempt, now, noJitter)
			if got.Sent != tt.want.Sent || got.Dead != tt.want.Dead || got.Attempted != tt.want.Attempted || !got.RetryAt.Equal(tt.want.RetryAt) {
				t.Errorf("Outcome = %+v, want %+v", got, tt.want)
			}
			if (got.Err == nil) != tt.want.Sent {
				t.Errorf("Err = %v with Sent = %v", got.Err, got.Sent)
			}
			if tt.full && !errors.Is(got.Err, ErrRateLimited) {
				t.Errorf("Err = %v, want ErrRateLimited", got.Err)
			}
			if ch.calls != tt.calls {
				t.Errorf("Send called %d times, want %d", ch.calls, tt.calls)
			}
		})
	}
}

// TestDeliverUntilDead drives one message through the whole schedule as the
// outbox would, against a peer that never recovers.
func TestDeliverUntilDead(t *testing.T) {
	now := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	start := now
	ch := &fakeChannel{}
	for range 10 {
		ch.errs = append(ch.errs, retryable("fake", 502, errors.New("bad gateway")))
	}
	attempt := 1
	for {
		o := DefaultPolicy().Deliver(context.Background(), ch, nil, testMessage(), attempt, now, nil)
		if o.Dead {
			break
		}
		now = o.RetryAt
		attempt++
	}
	// 1+2+4+8+16+32+60 minutes between 8 attempts.
	if attempt != 8 || ch.calls != 8 || now.Sub(start) != 123*time.Minute {
		t.Errorf("dead after attempt %d, %d calls, %v", attempt, ch.calls, now.Sub(start))
	}
}

func TestDeliverDefault(t *testing.T) {
	o := Deliver(context.Background(), &fakeChannel{}, RobotLimiter(nil), testMessage(), 1, time.Now())
	if !o.Sent {
		t.Errorf("Deliver = %+v", o)
	}
}
