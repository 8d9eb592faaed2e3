package adminsvc

import (
	"context"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// MergeUnit merges unit from into unit into (市发改委 into 市发展改革委),
// for whoever keeps the registry: every task, report, record, score,
// ticket, incident, liaison's binding, group membership, sub-unit and
// alias of from becomes into's, from's name becomes into's alias (so the
// next plan that names it is matched to into), and from leaves the
// registry — all in one audited transaction, or nothing. A unit is not
// merged into itself or into one of its own sub-units.
func (s *Service) MergeUnit(ctx context.Context, p authz.Principal, actor audit.Actor, from, into int64) (*records.UnitMerge, error) {
	if err := may(p, authz.UnitWrite); err != nil {
		return nil, err
	}
	if _, err := s.Store.FindUnitByID(ctx, from); err != nil {
		return nil, fmt.Errorf("adminsvc: unit %d: %w", from, err)
	}
	switch _, err := s.Store.FindUnitByID(ctx, into); {
	case into == 0:
		return nil, fault.Field("into", "error.required")
	case into == from:
		return nil, fault.Field("into", "error.merge_into_itself")
	case errors.Is(err, fault.ErrNotFound):
		return nil, fault.Field("into", "error.unit_not_found")
	case err != nil:
		return nil, fmt.Errorf("adminsvc: unit %d: %w", into, err)
	}
	m, err := s.Store.MergeUnit(ctx, actor, from, into)
	switch {
	case errors.Is(err, fault.ErrInvalid):
		return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"into": "error.merge_into_sub_unit"}, Err: err}
	case errors.Is(err, fault.ErrConflict):
		return nil, &fault.Error{Code: fault.Conflict, Fields: map[string]string{"into": "error.unit_name_taken"}, Err: err}
	case err != nil:
		return nil, fmt.Errorf("adminsvc: merge unit %d into %d: %w", from, into, err)
	}
	return m, nil
}
