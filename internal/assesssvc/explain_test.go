package assesssvc

import (
	"context"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/ledger"
)

// Explain is the computation under Unit, without a reader: the tests of
// the scores' arithmetic ask for it directly; who may read it is
// TestReaders'.
func (s *Service) Explain(ctx context.Context, p ledger.Period, unitID int64) (*Scores, assess.Score, error) {
	return s.explain(ctx, p, unitID)
}
