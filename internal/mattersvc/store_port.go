package mattersvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	CreateMatterKind(ctx context.Context, actor audit.Actor, k records.MatterKind) error
	CreateMatters(ctx context.Context, actor audit.Actor, in []records.NewMatter) ([]int64, error)
	FindMatter(ctx context.Context, taskID int64) (*records.Matter, error)
	FindMatterKinds(ctx context.Context) ([]records.MatterKind, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindProgress(ctx context.Context, taskID int64) ([]records.Progress, error)
	FindCloseRequests(ctx context.Context, taskID int64) ([]records.CloseRequest, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
