package foiasvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	CreateFOIARequest(ctx context.Context, actor audit.Actor, r records.FOIARequest) (int64, error)
	FOIASteps(ctx context.Context, ids []int64) (map[int64][]records.FOIAStep, error)
	FindFOIARequest(ctx context.Context, id int64) (*records.FOIARequest, []records.FOIAStep, error)
	FindFOIARequestByFollow(ctx context.Context, id int64, hash string) (*records.FOIARequest, []records.FOIAStep, error)
	FindFOIARequests(ctx context.Context, f records.FOIAFilter) ([]records.FOIARequest, error)
	FindTicket(ctx context.Context, id int64) (*records.Ticket, error)
	SetFOIAReceived(ctx context.Context, actor audit.Actor, id int64, on time.Time, check func(*records.FOIARequest, []records.FOIAStep) error) (*records.FOIARequest, error)
	StepFOIARequest(ctx context.Context, actor audit.Actor, id int64, step records.FOIAStep, apply func(*records.FOIARequest, []records.FOIAStep) error) (*records.FOIARequest, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
}
