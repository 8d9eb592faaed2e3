package assesssvc

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/workday"
)

// RatesFunc reads the units' 12345 三率 over the tickets received in
// [from, to): hotlinesvc.Service.Rates. Assessment takes a func rather
// than the hotline service, since all it needs of 12345 is the figures.
type RatesFunc func(ctx context.Context, from, to time.Time) (map[int64]hotline.Rates, error)

// hotlineRates reads the 三率 of the tickets received on the period's
// days up to limit, China time, and puts the satisfaction rates and what
// they rest on into in. Nil when the hotline is not wired: assessment
// then keeps its rule for units without a rate.
func (s *Service) hotlineRates(ctx context.Context, from, limit time.Time, in *assess.Input) (map[int64]hotline.Rates, error) {
	if s.Rates == nil {
		return nil, nil
	}
	// In UTC, as the store keeps instants: SQLite compares them as text.
	rates, err := s.Rates(ctx, chinaDay(from).UTC(), chinaDay(limit).AddDate(0, 0, 1).UTC())
	if err != nil {
		return nil, fmt.Errorf("assesssvc: hotline rates: %w", err)
	}
	in.Rates = hotline.SatisfactionRates(rates)
	in.RateBasis = make(map[int64]assess.RateBasis, len(rates))
	for u, r := range rates {
		in.RateBasis[u] = assess.RateBasis{Tickets: r.Tickets, Visited: r.Visited}
	}
	return rates, nil
}

// chinaDay is the start of a calendar date (kept at UTC midnight) in
// China, when the tickets received that day begin.
func chinaDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, workday.Zone)
}
