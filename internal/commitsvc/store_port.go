package commitsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli.
type Store interface {
	CreateCommitment(ctx context.Context, actor audit.Actor, c records.Commitment) (int64, error)
	AddCommitmentProgress(ctx context.Context, actor audit.Actor, id int64, p records.CommitmentProgress) (int64, error)
	FindCommitments(ctx context.Context) ([]records.Commitment, error)
	FindCommitment(ctx context.Context, id int64) (*records.Commitment, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
}
