package portalsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
)

// Dashboard is the leaders' dashboard: the ledger's counts as of At,
// today's date, and the citizens' side (nil when none of its services
// runs).
type Dashboard struct {
	Ledger   *records.Dashboard
	At       time.Time // when the ledger's counts were read
	Today    time.Time
	Citizens *Citizens
}

// Citizens are the citizens' side of the dashboard, read live: the open
// 12345 tickets, the information requests with their clocks run to
// today, and the last two days' incidents.
type Citizens struct {
	TicketsOpen, TicketsOverdue     int
	RequestsOpen, RequestsLate      int
	IncidentsRunning, IncidentsLate int
}

// Dashboard is the leaders' dashboard, for whoever may read it.
func (s *Service) Dashboard(ctx context.Context, p authz.Principal) (*Dashboard, error) {
	if !authz.Allowed(p, authz.Dashboard) {
		return nil, fault.ErrForbidden
	}
	d, at, err := s.Ledger.DashboardIn(ctx, p.Scope)
	if err != nil {
		return nil, err
	}
	v := &Dashboard{Ledger: d, At: at, Today: s.Ledger.Today()}
	if v.Citizens, err = s.citizens(ctx, p.Scope); err != nil {
		return nil, err
	}
	return v, nil
}

// citizens reads the citizens' side; with a scope (分级督查) the 12345
// tickets are those routed to its units.
func (s *Service) citizens(ctx context.Context, scope []int64) (*Citizens, error) {
	if s.Hotline == nil && s.FOIA == nil && s.Incidents == nil {
		return nil, nil
	}
	f := &Citizens{}
	if s.Hotline != nil {
		for _, st := range []hotline.State{hotline.Triage, hotline.Assigned, hotline.Accepted} { // the pending states
			open, err := s.Store.CountTickets(ctx, records.TicketFilter{State: string(st), Scoped: scope != nil, ScopeUnits: scope})
			if err != nil {
				return nil, err
			}
			late, err := s.Store.CountTickets(ctx, records.TicketFilter{State: string(st), DueBefore: s.Now(), Scoped: scope != nil, ScopeUnits: scope})
			if err != nil {
				return nil, err
			}
			f.TicketsOpen, f.TicketsOverdue = f.TicketsOpen+open, f.TicketsOverdue+late
		}
	}
	if s.FOIA != nil {
		open, _, err := s.FOIA.List(ctx, 0)
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
	if s.Incidents != nil {
		recent, err := s.Incidents.Recent(ctx, 2)
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
