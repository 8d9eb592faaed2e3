package assesssvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	// RecordEvent writes an audit entry that goes with no stored change:
	// a download of the 通报.
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
	AssessmentInput(ctx context.Context, from, to time.Time) (assess.Input, error)
	// RankingInput scores as AssessmentInput does, from the kept sums,
	// without the lines that explain a score.
	RankingInput(ctx context.Context, from, to, asOf time.Time) (assess.Input, error)
	// ExplainInput is RankingInput with one unit's tasks read one by one,
	// for its lines.
	ExplainInput(ctx context.Context, from, to, asOf time.Time, unit int64) (assess.Input, error)
	// FoldAssessment brings the kept sums up to date.
	FoldAssessment(ctx context.Context) (int, error)
	CurrentScheme(ctx context.Context) (records.SchemeVersion, error)
	DataVersion(ctx context.Context) (int64, error)
	DueYears(ctx context.Context) (first, last int, err error)

	SchemeDraft(ctx context.Context) (records.SchemeVersion, error)
	SaveSchemeDraft(ctx context.Context, actor audit.Actor, s assess.Scheme) (records.SchemeVersion, error)
	PublishScheme(ctx context.Context, actor audit.Actor) (records.SchemeVersion, error)

	FindAssessRecords(ctx context.Context, f records.RecordFilter) ([]records.AssessRecord, error)
	AddAssessRecord(ctx context.Context, actor audit.Actor, r records.AssessRecord) (int64, error)
	RevokeAssessRecord(ctx context.Context, actor audit.Actor, id int64, reason string) error
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUnitGroups(ctx context.Context) ([]records.Group, error)
	FindUnitGroupByID(ctx context.Context, id int64) (*records.Group, error)
}
