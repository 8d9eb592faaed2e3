package hotlinesvc

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
	unitnames "github.com/duban/duban/internal/units"
)

// Summary counts the tickets received in a period: by type, by state
// now, and those still open past their deadline.
type Summary struct {
	Received int
	ByType   map[hotline.Type]int
	ByState  map[hotline.State]int
	Overdue  int
}

// UnitRates are one unit's 三率 with its name.
type UnitRates struct {
	UnitID int64
	Unit   string
	hotline.Rates
}

// RatesShown reports whether p may see the 三率 of unit: everyone who
// reads tickets, but a liaison only their own units'. The rates of other
// units are their business and the office's; a liaison is not to rank
// the others; a bound office or leader (分级督查) sees its scope's only.
// The assessment's per-unit view asks here too.
func RatesShown(p authz.Principal, unit int64) bool {
	return authz.Allowed(p, authz.TicketRead) && (p.Role != authz.Liaison || p.HasUnit(unit)) && p.InScope([]int64{unit})
}

// Stats are the period's summary (a bound office's or leader's: of its
// scope's tickets) and the 三率 of the units p may see (RatesShown), over
// the tickets received from from to to; the most
// tickets first, then by name.
func (s *Service) Stats(ctx context.Context, p authz.Principal, from, to time.Time) (Summary, []UnitRates, error) {
	if !authz.Allowed(p, authz.TicketRead) {
		return Summary{}, nil, fault.ErrForbidden
	}
	return s.stats(ctx, from, to, p.Scope, func(unit int64) bool { return RatesShown(p, unit) })
}

// PublicStats are the same figures for everyone, as the portal publishes
// them: counts and rates only, nothing of any caller.
func (s *Service) PublicStats(ctx context.Context, from, to time.Time) (Summary, []UnitRates, error) {
	return s.stats(ctx, from, to, nil, func(int64) bool { return true })
}

// stats sums the tickets routed to scope's units (nil: every ticket).
func (s *Service) stats(ctx context.Context, from, to time.Time, scope []int64, shown func(unit int64) bool) (Summary, []UnitRates, error) {
	sum := Summary{ByType: map[hotline.Type]int{}, ByState: map[hotline.State]int{}}
	now := s.Now()
	err := s.Store.EachTicket(ctx, records.TicketFilter{From: from, To: to, Scoped: scope != nil, ScopeUnits: scope}, func(t *records.Ticket) error {
		sum.Received++
		sum.ByType[hotline.Type(t.Type)]++
		st := hotline.State(t.State)
		sum.ByState[st]++
		if st.Pending() && now.After(t.DueAt) {
			sum.Overdue++
		}
		return nil
	})
	if err != nil {
		return sum, nil, err
	}
	rates, err := s.Rates(ctx, from, to)
	if err != nil {
		return sum, nil, err
	}
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return sum, nil, err
	}
	names := map[int64]string{}
	for _, u := range units {
		names[u.ID] = u.Name
	}
	var out []UnitRates
	for id, r := range rates {
		if shown(id) {
			out = append(out, UnitRates{UnitID: id, Unit: names[id], Rates: r})
		}
	}
	unitnames.SortByPinyin(out, func(u UnitRates) string { return u.Unit }) // ties in pinyin order
	slices.SortStableFunc(out, func(a, b UnitRates) int { return cmp.Compare(b.Tickets, a.Tickets) })
	return sum, out, nil
}
