package ledgersvc

import (
	"context"
	"sync"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/store"
)

// dashboardCache keeps the last dashboard until the data or the day
// changes: leaders open it often, and a province's ledger is large.
type dashboardCache struct {
	mu      sync.Mutex
	version int64
	today   time.Time
	d       *store.Dashboard
}

// Dashboard is the leaders' dashboard: the ledger's lights overall, by
// plan and by unit, the most overdue tasks and the year's supervision by
// day, as of today on the working-day calendar.
func (s *Service) Dashboard(ctx context.Context) (*store.Dashboard, error) {
	version, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	c := &s.dashboard
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.d != nil && c.version == version && c.today.Equal(today) {
		return c.d, nil
	}
	d, err := s.Store.ReadDashboard(ctx, today, ledger.DueSoonLimit(today, s.Calendar, s.Rules), 15)
	if err != nil {
		return nil, err
	}
	c.version, c.today, c.d = version, today, d
	return d, nil
}
