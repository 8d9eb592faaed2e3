package hotlinesvc

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Alert is one thing 统一督办 chases now: to the unit holding the ticket
// (none for triage, which is the centre's own queue) and the group
// channels.
type Alert struct {
	Key      string // ticket/{id}/{kind}/{moment}: sent once
	TicketID int64
	UnitID   int64
	Title    string
	Text     string
}

// Alerts are the reminders due now on the open tickets.
func (s *Service) Alerts(ctx context.Context) ([]Alert, error) {
	services, err := s.Store.TicketServices(ctx)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	var out []Alert
	for _, state := range []hotline.State{hotline.Triage, hotline.Assigned, hotline.Accepted} {
		err := s.Store.EachTicket(ctx, records.TicketFilter{State: string(state)}, func(t *records.Ticket) error {
			open := hotline.Open{State: state, Received: t.ReceivedAt, Due: t.DueAt, SignHours: s.limitOf(t, services).SignHours}
			if t.AssignedAt != nil {
				open.Assigned = *t.AssignedAt
			}
			for _, r := range hotline.Reminders(open, now) {
				title, text := reminderText(t, r)
				out = append(out, Alert{Key: fmt.Sprintf("ticket/%d/%s/%d", t.ID, r.Kind, r.At.Unix()), TicketID: t.ID, UnitID: t.UnitID,
					Title: title, Text: text})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reminderText is a reminder's title and text, worded from the catalogue
// in zh-CN, the channels' language.
func reminderText(t *records.Ticket, r hotline.Reminder) (string, string) {
	loc := i18n.New(i18n.ZhCN)
	kind := map[string]string{hotline.RemindTriage: "triage", hotline.RemindSignLate: "sign_late", hotline.RemindDueSoon: "due_soon"}[r.Kind]
	if kind == "" {
		kind = "overdue"
	}
	at := r.At.In(workday.Zone).Format("01-02 15:04")
	title := loc.T("hotline.alert."+kind, "id", t.ID, "type", loc.Code("hotline.type", t.Type, hotline.Type(t.Type).Label()))
	return title, loc.T("hotline.alert."+kind+"_text", "at", at, "hours", hotline.TriageHours)
}
