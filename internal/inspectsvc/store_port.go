package inspectsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by services.New, so the service imports no store.
type Store interface {
	CreateInspectionPlanEntry(ctx context.Context, actor audit.Actor, e records.InspectionPlanEntry) (int64, error)
	UpdateInspectionPlanEntry(ctx context.Context, actor audit.Actor, id int64, e records.InspectionPlanEntry) error
	DeleteInspectionPlanEntry(ctx context.Context, actor audit.Actor, id int64) error
	FindInspectionPlanEntry(ctx context.Context, id int64) (*records.InspectionPlanEntry, error)
	FindInspectionPlanEntries(ctx context.Context, year int) ([]records.InspectionPlanEntry, error)
	CreateInspection(ctx context.Context, actor audit.Actor, in records.Inspection) (int64, error)
	FindInspection(ctx context.Context, id int64) (*records.Inspection, error)
	FindInspections(ctx context.Context, year int) ([]records.Inspection, error)
	CreateFinding(ctx context.Context, actor audit.Actor, f records.Finding) (int64, error)
	AddFindingFiles(ctx context.Context, actor audit.Actor, id int64, files []records.Attachment) error
	RecordFindingRecheck(ctx context.Context, actor audit.Actor, id int64, c records.FindingCheck) error
	FindFinding(ctx context.Context, id int64) (*records.Finding, error)
	FindFindings(ctx context.Context, f records.FindingFilter) ([]records.Finding, error)
	FindFindingFile(ctx context.Context, id int64) (*records.Attachment, int64, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	DecideClose(ctx context.Context, actor audit.Actor, taskID int64, close bool, reason string) error
	UpdateTask(ctx context.Context, actor audit.Actor, id int64, up records.TaskUpdate) (*records.Task, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
