package webdeps

import (
	"context"

	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// publicFigures are the citizens' side for the dashboard, read live: the
// open 12345 tickets (counted in SQL), the information requests with
// their clocks run to today, and the last two days' incidents. Nil when
// none of these services runs.
func (s *dashboard) publicFigures(ctx context.Context) (*web.PublicFigures, error) {
	if s.d.Hotline == nil && s.d.FOIA == nil && s.d.Incidents == nil {
		return nil, nil
	}
	f := &web.PublicFigures{}
	if h := s.d.Hotline; h != nil {
		for _, st := range []hotline.State{hotline.Triage, hotline.Assigned, hotline.Accepted} { // the pending states
			open, err := s.d.Store.CountTickets(ctx, records.TicketFilter{State: string(st)})
			if err != nil {
				return nil, err
			}
			late, err := s.d.Store.CountTickets(ctx, records.TicketFilter{State: string(st), DueBefore: h.Now()})
			if err != nil {
				return nil, err
			}
			f.TicketsOpen, f.TicketsOverdue = f.TicketsOpen+open, f.TicketsOverdue+late
		}
	}
	if s.d.FOIA != nil {
		open, _, err := s.d.FOIA.List(ctx, 0)
		if err != nil {
			return nil, err
		}
		f.RequestsOpen = len(open)
		for _, v := range open {
			if v.Clock.State == foia.StateOverdue {
				f.RequestsLate++
			}
		}
	}
	if s.d.Incidents != nil {
		recent, err := s.d.Incidents.Recent(ctx, 2)
		if err != nil {
			return nil, err
		}
		for _, v := range recent {
			running, late := false, false
			for _, c := range v.Clocks {
				running = running || c.State == emergency.Pending || c.State == emergency.DueSoon
				late = late || c.State == emergency.Overdue
			}
			if late {
				f.IncidentsLate++
			} else if running {
				f.IncidentsRunning++
			}
		}
	}
	return f, nil
}
