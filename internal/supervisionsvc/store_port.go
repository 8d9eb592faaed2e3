package supervisionsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	SupervisionRules(ctx context.Context, base supervise.Rules) (supervise.Book, []records.StoredRules, error)
	SetSupervisionRules(ctx context.Context, actor audit.Actor, planID int64, r supervise.Rules) error
	ClearSupervisionRules(ctx context.Context, actor audit.Actor, planID int64) error
	FindPlans(ctx context.Context) ([]records.Plan, error)
	FindPlanByID(ctx context.Context, id int64) (*records.Plan, error)
	OpenNotices(ctx context.Context) ([]records.OpenNotice, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	// FindTakeover is a task's 提级督办 (fault.ErrNotFound: none).
	FindTakeover(ctx context.Context, taskID int64) (*records.Takeover, error)
	IssueSupervision(ctx context.Context, actor audit.Actor, e supervise.Event, notes func(supervise.Event) []records.Notification) error
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindNotifications(ctx context.Context, channel, status string, unitID int64, limit int) ([]records.Notification, error)
	FindNotification(ctx context.Context, id int64) (*records.Notification, error)
	FindNotificationsIn(ctx context.Context, channel, status string, units []int64, limit int) ([]records.Notification, error)
	ResendNotification(ctx context.Context, actor audit.Actor, id int64) error
	PeriodReader
}

// PeriodReader reads the periods a task has reported for, which the
// rules of a periodic task need; the scheduler reads them through it too.
type PeriodReader interface {
	ReportedPeriods(ctx context.Context, taskID int64) (map[string]bool, error)
}
