package supervisionsvc

import (
	"context"
	"errors"
	"sort"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// InboxLimit is how many messages the inbox shows; older ones stay in the
// database and the audit log.
const InboxLimit = 200

// Inbox is what was sent to the units' inboxes, newest first, with the
// units' names; Failed holds the messages no channel could deliver, for
// those who may resend them.
type Inbox struct {
	Messages  []records.Notification
	Failed    []records.Notification
	CanResend bool
	UnitNames map[int64]string
}

// Inbox is the messages the caller may read: a liaison their own units'
// only, the office and leaders every unit's, or, bound to units (分级督查),
// their scope's; the dead letters (of the same units) only for those who
// supervise, who may send them again.
func (s *Service) Inbox(ctx context.Context, p authz.Principal) (*Inbox, error) {
	if !authz.Allowed(p, authz.TaskRead) {
		return nil, fault.ErrForbidden
	}
	in := &Inbox{UnitNames: map[int64]string{}}
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		in.UnitNames[u.ID] = u.Name
	}
	if p.Role == authz.Liaison {
		for _, u := range p.Units {
			got, err := s.Store.FindNotifications(ctx, "inbox", "", u, InboxLimit)
			if err != nil {
				return nil, err
			}
			in.Messages = append(in.Messages, got...)
		}
		sort.Slice(in.Messages, func(i, j int) bool { return in.Messages[i].ID > in.Messages[j].ID })
		in.Messages = in.Messages[:min(len(in.Messages), InboxLimit)]
	} else if in.Messages, err = s.Store.FindNotificationsIn(ctx, "inbox", "", p.Scope, InboxLimit); err != nil {
		return nil, err
	}
	if authz.Allowed(p, authz.TaskSupervise) {
		if in.Failed, err = s.Store.FindNotificationsIn(ctx, "", "dead", p.Scope, InboxLimit); err != nil {
			return nil, err
		}
		in.CanResend = true
	}
	return in, nil
}

// Resend puts a dead letter back in the outbox, for those who supervise.
// One resent or delivered meanwhile, by another hand or instance, is a
// refusal in its state (inbox.error.not_dead). A bound office (分级督查)
// resends its scope's only: another unit's is not found.
func (s *Service) Resend(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) error {
	if !authz.Allowed(p, authz.TaskSupervise) {
		return fault.ErrForbidden
	}
	if p.Scope != nil {
		n, err := s.Store.FindNotification(ctx, id)
		if err != nil {
			return err
		}
		if !p.InScope([]int64{n.UnitID}) {
			return fault.ErrNotFound
		}
	}
	err := s.Store.ResendNotification(ctx, actor, id)
	if errors.Is(err, fault.ErrState) {
		return fault.Wrap(fault.State, "inbox.error.not_dead", err)
	}
	return err
}
