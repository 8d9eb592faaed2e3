package scheduler

import (
	"context"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// Notifications is how a 督办单 issued by hand is sent: worded and
// addressed as a tick's own notices, to the units' inboxes, their mail
// and the channels configured. supervisionsvc issues the notice (the use
// case); the scheduler only says how it goes out and delivers it on its
// next tick.
func (s *Scheduler) Notifications(ctx context.Context) (func(supervise.Event, *records.Task) []records.Notification, error) {
	st, err := s.load(ctx)
	if err != nil {
		return nil, err
	}
	return func(e supervise.Event, t *records.Task) []records.Notification {
		return s.notifications(e, t, st.emails)
	}, nil
}
