package hotlinesvc

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/pii"
	"github.com/duban/duban/internal/records"
)

// Order is how a list of tickets is sorted.
type Order int

// The orders. Desk is the desk's: what waits for routing first, then the
// earliest deadline; Newest is the store's, for paging through all.
const (
	Newest Order = iota
	Desk
)

// shown is t as p may see it: for whoever may not see personal data
// (authz.SeesPersonalData), the caller's name, phone and e-mail masked,
// and any ID number, phone number or e-mail address in the request's
// text too.
func shown(p authz.Principal, t records.Ticket) records.Ticket {
	if authz.SeesPersonalData(p) {
		return t
	}
	t = t.Masked()
	t.Description = pii.Mask(t.Description)
	return t
}

// List is the tickets p may read under f, sorted by order, with how many
// match f in all: a liaison's are those routed to their units, a bound
// office's or leader's those routed to their scope's (分级督查). The
// tickets come masked as p may see them.
func (s *Service) List(ctx context.Context, p authz.Principal, f records.TicketFilter, order Order) ([]records.Ticket, int, error) {
	if !authz.Allowed(p, authz.TicketRead) {
		return nil, 0, fault.ErrForbidden
	}
	if units, _ := authz.ScopeUnits(p); p.Role == authz.Liaison || p.Scope != nil {
		f.Scoped, f.ScopeUnits = true, units
	}
	list, err := s.Store.FindTickets(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	total, err := s.Store.CountTickets(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	for i := range list {
		list[i] = shown(p, list[i])
	}
	if order == Desk {
		slices.SortStableFunc(list, func(a, b records.Ticket) int {
			if ta, tb := a.State == string(hotline.Triage), b.State == string(hotline.Triage); ta != tb {
				if ta {
					return -1
				}
				return 1
			}
			return a.DueAt.Compare(b.DueAt)
		})
	}
	return list, total, nil
}

// readable is ticket id for p, who may do action: a liaison only their
// units' (another unit's ticket is not found: its existence is none of
// theirs). It is the stored ticket, unmasked, for the service's own use.
func (s *Service) readable(ctx context.Context, p authz.Principal, id int64, action authz.Action) (*records.Ticket, error) {
	if !authz.Allowed(p, action) {
		return nil, fault.ErrForbidden
	}
	t, err := s.Store.FindTicket(ctx, id)
	if err != nil {
		return nil, err
	}
	if !authz.Can(p, action, authz.Resource{Units: []int64{t.UnitID}}) {
		return nil, fmt.Errorf("hotlinesvc: ticket %d is another unit's: %w", id, fault.ErrNotFound)
	}
	return t, nil
}

// Detail is one ticket as p may see it, with its steps, its files, what
// p may do with it now and, when p may route it, the units to route to.
type Detail struct {
	Ticket records.Ticket // masked for whoever may not see the caller
	// CallerMasked says that the caller's fields are masked.
	CallerMasked bool
	Events       []records.TicketEvent
	Files        []records.Attachment
	// Can holds the moves p may make now: assign, sign, send_back,
	// answer, extend, decide, visit, to_foia.
	Can   map[string]bool
	Units []records.Unit // to route to, when Can["assign"]
}

// Get is ticket id for p.
func (s *Service) Get(ctx context.Context, p authz.Principal, id int64) (*Detail, error) {
	t, err := s.readable(ctx, p, id, authz.TicketRead)
	if err != nil {
		return nil, err
	}
	d := &Detail{Ticket: shown(p, *t), CallerMasked: !authz.SeesPersonalData(p), Can: map[string]bool{}}
	if !d.CallerMasked {
		if err := s.viewed(ctx, p, id); err != nil {
			return nil, err
		}
	}
	if d.Events, err = s.Store.TicketEvents(ctx, id); err != nil {
		return nil, err
	}
	if d.Files, err = s.Store.TicketFiles(ctx, id); err != nil {
		return nil, err
	}
	dispatch := authz.Allowed(p, authz.TicketDispatch)
	handle := p.Role == authz.Liaison && authz.Can(p, authz.TicketHandle, authz.Resource{Units: []int64{t.UnitID}})
	switch hotline.State(t.State) {
	case hotline.Triage:
		d.Can["assign"] = dispatch
	case hotline.Assigned:
		d.Can["sign"], d.Can["send_back"] = handle, handle
	case hotline.Accepted:
		d.Can["answer"], d.Can["send_back"] = handle, handle
		d.Can["extend"] = handle && t.Extension == 0
		d.Can["decide"] = dispatch && t.Extension > 0
	case hotline.Answered:
		d.Can["visit"] = dispatch
	case hotline.Redirected:
		d.Can["to_foia"] = t.RedirectTo == "disclosure" && authz.Allowed(p, authz.FOIAHandle)
	}
	if d.Can["assign"] {
		if d.Units, err = s.Units(ctx); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Units are the units a ticket or a category can go to: every unit of
// the registry but the groups (市级有关部门 answers for nothing).
func (s *Service) Units(ctx context.Context) ([]records.Unit, error) {
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(units, func(u records.Unit) bool { return u.Kind == records.UnitGroup }), nil
}

// viewed writes the pii.view audit entry for p's look at ticket id's
// caller unmasked, once in pii.ViewQuiet: who saw whose data is asked
// after a leak, and a reload is the same look.
func (s *Service) viewed(ctx context.Context, p authz.Principal, id int64) error {
	key, now := "ticket:"+strconv.FormatInt(id, 10), s.Now()
	if !s.views.Due(p.UserID, key, now) {
		return nil
	}
	if err := s.Store.RecordEvent(ctx, audit.Actor{ID: p.UserID, Username: p.Username}, "pii.view", "ticket", id, nil); err != nil {
		return err
	}
	s.views.Note(p.UserID, key, now)
	return nil
}
