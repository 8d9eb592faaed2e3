package ledgersvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/snapshot"
)

// Dashboard is the leaders' dashboard: the ledger's lights overall, by
// plan and by unit, the most overdue tasks and the year's supervision by
// day, as of today on the working-day calendar. It is kept until the data
// changes; on a province's ledger a request may get the previous reading
// while the next is computed (snapshot), and the returned time says when
// the reading was made.
func (s *Service) Dashboard(ctx context.Context) (*records.Dashboard, time.Time, error) {
	version, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, time.Time{}, err
	}
	today := s.Today()
	r, err := s.dashboard.Get(ctx, today, version, s.Now, func(ctx context.Context) (*records.Dashboard, error) {
		return s.Store.ReadDashboard(ctx, today, ledger.DueSoonLimit(today, s.Calendar, s.Rules), 15)
	})
	return r.Value, r.At, err
}

// DashboardIn is the dashboard of an office or a leader bound to units
// (分级督查): over the tasks of scope, their subtree, read afresh (one
// county's ledger is small); nil scope is Dashboard, the whole city's.
func (s *Service) DashboardIn(ctx context.Context, scope []int64) (*records.Dashboard, time.Time, error) {
	if scope == nil {
		return s.Dashboard(ctx)
	}
	today := s.Today()
	d, err := s.Store.ReadDashboardIn(ctx, today, ledger.DueSoonLimit(today, s.Calendar, s.Rules), 15, scope)
	return d, s.Now(), err
}

// dashboards keeps the dashboard by day.
type dashboards = snapshot.Cache[time.Time, *records.Dashboard]
