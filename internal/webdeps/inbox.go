package webdeps

import (
	"context"
	"errors"
	"sort"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
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
	v.Messages = messages(list, names)
	if authz.Allowed(p, authz.TaskSupervise) {
		dead, err := s.d.Store.FindNotifications(ctx, "", "dead", 0, inboxLimit)
		if err != nil {
			return nil, err
		}
		v.Failed, v.CanResend = messages(dead, names), true
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

func messages(list []records.Notification, unitNames map[int64]string) []web.Message {
	out := make([]web.Message, len(list))
	for i, n := range list {
		out[i] = web.Message{ID: n.ID, Channel: n.Channel, Unit: unitNames[n.UnitID], Title: n.Title, Text: n.Text,
			Link: n.Link, Error: n.Error, Created: n.Created}
	}
	return out
}
