package subtasksvc

import (
	"context"

	"github.com/duban/duban/internal/audit"

	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one.
type Store interface {
	CreateSubtasks(ctx context.Context, parentID int64, b records.SubtaskBatch) ([]int64, error)
	FindSubtasks(ctx context.Context, parentID int64) ([]records.Task, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	FindUnitGroupByID(ctx context.Context, id int64) (*records.Group, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
