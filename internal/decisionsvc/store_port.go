package decisionsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli.
type Store interface {
	SetDecisionCatalogue(ctx context.Context, actor audit.Actor, year int, state, note string) error
	CreateDecision(ctx context.Context, actor audit.Actor, d records.NewDecision) (int64, error)
	AddDecisionStep(ctx context.Context, actor audit.Actor, id int64, s records.NewDecisionStep) (int64, error)
	SetDecisionTasks(ctx context.Context, actor audit.Actor, id, exec, eval int64) error
	AddDecisionComment(ctx context.Context, actor audit.Actor, id int64, c records.DecisionComment) (int64, error)
	FindDecisions(ctx context.Context, year int) ([]records.Decision, error)
	FindDecision(ctx context.Context, id int64) (*records.Decision, error)
	FindDecisionCatalogue(ctx context.Context, year int) (*records.DecisionCatalogue, error)
	FindDecisionFile(ctx context.Context, id int64) (*records.Attachment, int64, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
