package assesssvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	AssessmentInput(ctx context.Context, from, to time.Time) (assess.Input, error)
	CurrentScheme(ctx context.Context) (records.SchemeVersion, error)
	DataVersion(ctx context.Context) (int64, error)
}
