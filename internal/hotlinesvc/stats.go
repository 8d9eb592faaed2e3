package hotlinesvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/records"
)

// Summary counts the tickets received in a period: by type, by state
// now, and those still open past their deadline.
type Summary struct {
	Received int
	ByType   map[hotline.Type]int
	ByState  map[hotline.State]int
	Overdue  int
}

// Stats are the period's summary and each unit's 三率, over the tickets
// received from from to to.
func (s *Service) Stats(ctx context.Context, from, to time.Time) (Summary, map[int64]hotline.Rates, error) {
	sum := Summary{ByType: map[hotline.Type]int{}, ByState: map[hotline.State]int{}}
	now := s.Now()
	err := s.Store.EachTicket(ctx, records.TicketFilter{From: from, To: to}, func(t *records.Ticket) error {
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
	return sum, rates, err
}
