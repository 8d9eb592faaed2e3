package webdeps

import (
	"context"
	"errors"
	"sort"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// inboxLimit is how many messages the page shows; older ones stay in the
// database and the audit log.
const inboxLimit = 200

// inbox is the messages page over the notifications outbox.
type inbox struct{ d *Deps }

func (s *inbox) Messages(ctx context.Context) (*web.InboxView, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	if units, err := s.d.Store.FindUnits(ctx); err == nil {
		for _, u := range units {
			names[u.ID] = u.Name
		}
	}
	v := &web.InboxView{}
	var list []records.Notification
	if p.Role == authz.Liaison {
		// A liaison reads their own units' messages only.
		for _, u := range p.Units {
			got, err := s.d.Store.FindNotifications(ctx, "inbox", "", u, inboxLimit)
			if err != nil {
				return nil, err
			}
			list = append(list, got...)
		}
		sort.Slice(list, func(i, j int) bool { return list[i].ID > list[j].ID })
		list = list[:min(len(list), inboxLimit)]
	} else if list, err = s.d.Store.FindNotifications(ctx, "inbox", "", 0, inboxLimit); err != nil {
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	v.Messages = messages(loc, list, names)
	if authz.Allowed(p, authz.TaskSupervise) {
		dead, err := s.d.Store.FindNotifications(ctx, "", "dead", 0, inboxLimit)
		if err != nil {
			return nil, err
		}
		v.Failed, v.CanResend = messages(loc, dead, names), true
	}
	return v, nil
}

func (s *inbox) Resend(ctx context.Context, id int64) error {
	_, actor, err := s.d.acting(ctx, authz.TaskSupervise)
	if err != nil {
		return err
	}
	err = s.d.Store.ResendNotification(ctx, actor, id)
	if errors.Is(err, fault.ErrState) {
		// Resent or delivered meanwhile, by another hand or instance.
		return &web.ValidationError{Fields: map[string]string{"": "inbox.error.not_dead"}}
	}
	return pageError(err, "", "")
}

// messages are the notifications as the reader reads them: in their
// language when the notification keeps its message, as they were sent
// otherwise (those stored before it was kept, and alerts worded in Go).
func messages(loc i18n.Localizer, list []records.Notification, unitNames map[int64]string) []web.Message {
	out := make([]web.Message, len(list))
	for i, n := range list {
		title, text := n.Title, n.Text
		if len(n.Message) > 0 {
			title, text = loc.Render(n.Message[0]), loc.RenderLines(n.Message[1:])
		}
		out[i] = web.Message{ID: n.ID, Channel: n.Channel, Unit: unitNames[n.UnitID], Title: title, Text: text,
			Link: n.Link, Error: n.Error, Created: n.Created}
	}
	return out
}
