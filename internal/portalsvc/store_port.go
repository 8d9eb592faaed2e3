package portalsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	FindPlans(ctx context.Context) ([]records.Plan, error)
	FindPlanByID(ctx context.Context, id int64) (*records.Plan, error)
	FindTasks(ctx context.Context, f records.TaskFilter) ([]records.Task, int, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	FindTaskEvents(ctx context.Context, taskID int64) ([]records.TaskEvent, error)
	ClosedDays(ctx context.Context, planID int64) (map[int64]time.Time, error)
	CountTickets(ctx context.Context, f records.TicketFilter) (int, error)
}
