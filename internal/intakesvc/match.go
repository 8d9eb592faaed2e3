package intakesvc

import (
	"context"

	"github.com/duban/duban/internal/records"
)

// MatchUnits matches the units given for a registered task to the
// registry by the rules of a reassignment after 挂号 (UpdateTask): a
// name not in the registry is refused unless the task holds it already.
// The office's 调整 (package changesvc) uses it, so that a unit means the
// same there as at review.
func (s *Service) MatchUnits(ctx context.Context, in []records.UnitLink, task *records.Task) ([]records.UnitLink, error) {
	return s.unitLinks(ctx, in, task)
}
