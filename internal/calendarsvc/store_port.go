package calendarsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	CalendarDays(ctx context.Context) (records.CalendarLayers, error)
	CalendarVersion(ctx context.Context) (int64, error)
	CalendarChanges(ctx context.Context, limit int) ([]records.CalendarChange, error)
	CalendarChange(ctx context.Context, id int64) (records.CalendarChange, error)
	DeadlineMoves(ctx context.Context, changeID int64, taskIDs ...int64) ([]records.DeadlineMove, error)
	ChangeCalendar(ctx context.Context, actor audit.Actor, scope, source, reason string, days []workday.Day, today time.Time, reschedule records.Reschedule) (records.CalendarChange, []records.DeadlineMove, error)
}
