package inspectsvc

import (
	"context"
	"errors"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Record records an inspection held, for the office: its kind (the plan
// entry's when it names one and gives none), a title, the day (not in the
// future), and where, who, how and what was seen.
func (s *Service) Record(ctx context.Context, p authz.Principal, actor audit.Actor, in records.Inspection) (*records.Inspection, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	var bad fault.Problems
	if in.PlanEntryID != 0 {
		e, err := s.Store.FindInspectionPlanEntry(ctx, in.PlanEntryID)
		switch {
		case errors.Is(err, fault.ErrNotFound):
			bad.At("plan_entry_id", "inspection.error.plan_entry")
		case err != nil:
			return nil, err
		case in.Kind == "":
			in.Kind = e.Kind
		}
	}
	text(&bad, "title", "inspection.error.title", &in.Title, true, MaxTitle)
	text(&bad, "place", "inspection.error.short", &in.Place, false, MaxShort)
	text(&bad, "inspectors", "inspection.error.inspectors", &in.Inspectors, true, MaxShort)
	text(&bad, "method", "inspection.error.short", &in.Method, false, MaxShort)
	text(&bad, "summary", "inspection.error.text", &in.Summary, false, MaxText)
	if !validKind(in.Kind) {
		bad.At("kind", "inspection.error.kind")
	}
	switch {
	case !validDate(in.HeldOn):
		bad.At("held_on", "inspection.error.date")
	case in.HeldOn > s.today():
		bad.At("held_on", "inspection.error.held_future")
	}
	if err := bad.Err(); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateInspection(ctx, actor, in)
	if err != nil {
		return nil, err
	}
	return s.Store.FindInspection(ctx, id)
}

// Inspection is an inspection held with its findings as they stand, for
// p who may read inspections (a liaison may not: they read their
// findings in the 问题清单).
func (s *Service) Inspection(ctx context.Context, p authz.Principal, id int64) (*records.Inspection, []Finding, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, nil, fault.ErrForbidden
	}
	in, err := s.Store.FindInspection(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Finding, len(in.Findings))
	for i, f := range in.Findings {
		out[i] = s.view(f)
	}
	return in, out, nil
}

// Summary is an inspection in a list: how many problems it found and how
// many are still open.
type Summary struct {
	records.Inspection
	Found, Open int
}

// Inspections are the inspections held in a year, the latest first, with
// their counts, for p who may read inspections.
func (s *Service) Inspections(ctx context.Context, p authz.Principal, year int) ([]Summary, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	list, err := s.Store.FindInspections(ctx, year)
	if err != nil {
		return nil, err
	}
	found, err := s.Store.FindFindings(ctx, records.FindingFilter{Year: year})
	if err != nil {
		return nil, err
	}
	type count struct{ found, open int }
	counts := map[int64]count{}
	for _, f := range found {
		c := counts[f.InspectionID]
		c.found++
		if f.State != records.FindingPassed {
			c.open++
		}
		counts[f.InspectionID] = c
	}
	out := make([]Summary, len(list))
	for i, in := range list {
		out[i] = Summary{Inspection: in, Found: counts[in.ID].found, Open: counts[in.ID].open}
	}
	return out, nil
}
