package randomsvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by services.New, so the service imports no store.
type Store interface {
	ImportRandomEntities(ctx context.Context, actor audit.Actor, list []records.RandomEntity) (int, error)
	FindRandomEntities(ctx context.Context) ([]records.RandomEntity, error)
	CreateRandomInspector(ctx context.Context, actor audit.Actor, in records.RandomInspector) (int64, error)
	FindRandomInspectors(ctx context.Context) ([]records.RandomInspector, error)
	ImportRandomInspectors(ctx context.Context, actor audit.Actor, list []records.RandomInspector, withTies bool) (int, error)
	CreateRandomPlan(ctx context.Context, actor audit.Actor, p records.RandomPlan) (int64, error)
	FindRandomPlan(ctx context.Context, id int64) (*records.RandomPlan, error)
	FindRandomPlans(ctx context.Context) ([]records.RandomPlan, error)
	RecordRandomDraw(ctx context.Context, actor audit.Actor, planID int64, record, hash string, at time.Time, checks []records.RandomCheck) error
	FindRandomChecks(ctx context.Context, planID int64) ([]records.RandomCheck, error)
	FindRandomCheck(ctx context.Context, id int64) (*records.RandomCheck, error)
	ClaimRandomTask(ctx context.Context, id int64, from string) error
	ReleaseRandomTask(ctx context.Context, id int64, back string) error
	RecordRandomResult(ctx context.Context, actor audit.Actor, id int64, r records.RandomResult) error
	LastRandomPairs(ctx context.Context, unitID int64) ([][2]string, error)
	CreateRandomMatter(ctx context.Context, actor audit.Actor, m records.RandomMatter) (int64, error)
	FindRandomMatters(ctx context.Context) ([]records.RandomMatter, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
}
