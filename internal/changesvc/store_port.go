package changesvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired by
// services.New, so the service imports no store and its callers none.
type Store interface {
	AdjustTask(ctx context.Context, actor audit.Actor, taskID int64, adj records.TaskAdjust, reason string, today time.Time,
		notes func(ch records.TaskChange) []records.Notification) (*records.TaskChange, error)
	DecideExtension(ctx context.Context, actor audit.Actor, taskID int64, approve bool, comment string, today time.Time,
		notes func(req records.TaskChange) []records.Notification) (*records.TaskChange, error)
	FindOpenExtensions(ctx context.Context, units []int64) ([]records.OpenExtension, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	FindTaskChanges(ctx context.Context, taskID int64) ([]records.TaskChange, error)
	FindUserByID(ctx context.Context, id int64) (*records.User, error)
	RequestExtension(ctx context.Context, actor audit.Actor, taskID, unitID int64, newDue, reason string) (int64, error)
	RevokeTask(ctx context.Context, actor audit.Actor, taskID int64, reason string, today time.Time,
		notes func(ch records.TaskChange) []records.Notification) (*records.TaskChange, error)
}
