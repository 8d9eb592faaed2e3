package randomsvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// AddMatter adds an entry to a department's 抽查事项清单 (事项名称,
// 检查对象类型, 依据, 检查方式), for the office (a county office, for
// its own departments).
func (s *Service) AddMatter(ctx context.Context, p authz.Principal, actor audit.Actor, m records.RandomMatter) (*records.RandomMatter, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	if err := authz.CheckScope(p, "unit_id", []int64{m.UnitID}); err != nil {
		return nil, err
	}
	var bad fault.Problems
	if m.UnitID <= 0 {
		bad.At("unit_id", "random.error.unit")
	} else if _, err := s.Store.FindUnitByID(ctx, m.UnitID); err != nil {
		bad.At("unit_id", "random.error.unit")
	}
	text(&bad, "name", "random.error.matter_name", &m.Name, true, 200)
	text(&bad, "object_type", "random.error.matter_text", &m.ObjectType, false, 100)
	text(&bad, "basis", "random.error.matter_text", &m.Basis, false, 500)
	text(&bad, "method", "random.error.matter_text", &m.Method, false, 100)
	if err := bad.Err(); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateRandomMatter(ctx, actor, m)
	if err != nil {
		return nil, err
	}
	m.ID = id
	return &m, nil
}

// Matters is the 抽查事项清单 of every department (a county office's, of
// its own), for the office and leaders.
func (s *Service) Matters(ctx context.Context, p authz.Principal) ([]records.RandomMatter, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	all, err := s.Store.FindRandomMatters(ctx)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, m := range all {
		if authz.CheckScope(p, "unit_id", []int64{m.UnitID}) == nil {
			out = append(out, m)
		}
	}
	return out, nil
}
