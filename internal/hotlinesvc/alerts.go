package hotlinesvc

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/hotline"
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

func reminderText(t *records.Ticket, r hotline.Reminder) (string, string) {
	what := fmt.Sprintf("12345工单 %d（%s）", t.ID, hotline.Type(t.Type).Label())
	at := r.At.In(workday.Zone).Format("01-02 15:04")
	switch r.Kind {
	case hotline.RemindTriage:
		return "【待分拨】" + what, fmt.Sprintf("%s 收到，已超过 %d 小时未转办，请尽快按责转办。", at, hotline.TriageHours)
	case hotline.RemindSignLate:
		return "【签收超时】" + what, fmt.Sprintf("%s 转办，已超过签收时限，请立即签收或在时限内退单。", at)
	case hotline.RemindDueSoon:
		return "【临期】" + what, fmt.Sprintf("办理时限 %s，请按时答复，确需延期的请申请延期。", at)
	}
	return "【超期】" + what, fmt.Sprintf("办理时限 %s 已过，尚未答复，请立即办理并说明原因。", at)
}
