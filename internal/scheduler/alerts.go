package scheduler

import (
	"context"
	"strconv"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// queueAlerts asks every source for the alerts due now and queues the
// new ones, with the same reach as a supervision step: the unit's inbox
// (and mail, when it has an address) and every group channel. The
// outbox's keys make a repeated alert a no-op. It returns how many
// alerts were new.
func (s *Scheduler) queueAlerts(ctx context.Context, st standing) (int, error) {
	fresh := 0
	for _, source := range s.Alerts {
		alerts, err := source(ctx)
		if err != nil {
			// One broken source must not stop the others, nor the
			// delivery of what is queued: say so and go on.
			s.Log.ErrorContext(ctx, "scheduler: alerts", "err", err)
			continue
		}
		for _, a := range alerts {
			if len(a.Message) > 0 {
				a.Title, a.Text = sent(a.Message)
			}
			link := s.link(a.Path)
			// An alert for no unit (a ticket in triage) is the office's:
			// its inbox shows every message.
			key := a.Key + "/u" + strconv.FormatInt(a.UnitID, 10)
			notes := []records.Notification{{Key: key, Channel: "inbox", UnitID: a.UnitID, Title: a.Title, Text: a.Text, Link: link, Message: a.Message}}
			if to := st.emails[a.UnitID]; to != "" {
				notes = append(notes, records.Notification{Key: key, Channel: "email", UnitID: a.UnitID, Recipient: to, Title: a.Title, Text: a.Text, Link: link, Message: a.Message})
			}
			for name := range s.Channels {
				if name != "email" {
					notes = append(notes, records.Notification{Key: a.Key, Channel: name, Title: a.Title, Text: a.Text, Link: link, Message: a.Message})
				}
			}
			n, err := s.Store.QueueAlert(ctx, audit.System, a.Entity, a.ID, notes)
			if err != nil {
				return fresh, err
			}
			if n > 0 {
				fresh++
			}
		}
	}
	return fresh, nil
}
