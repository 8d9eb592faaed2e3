package inspectsvc

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Plan is a year's 督查计划 for p, who may read inspections, in month
// order.
func (s *Service) Plan(ctx context.Context, p authz.Principal, year int) ([]records.InspectionPlanEntry, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	return s.Store.FindInspectionPlanEntries(ctx, year)
}

// PlanEntry is one entry of a 督查计划, for p who may read inspections.
func (s *Service) PlanEntry(ctx context.Context, p authz.Principal, id int64) (*records.InspectionPlanEntry, error) {
	if !authz.Allowed(p, authz.InspectionRead) {
		return nil, fault.ErrForbidden
	}
	return s.Store.FindInspectionPlanEntry(ctx, id)
}

// AddPlanEntry adds an inspection to a year's plan, for the office.
func (s *Service) AddPlanEntry(ctx context.Context, p authz.Principal, actor audit.Actor, e records.InspectionPlanEntry) (*records.InspectionPlanEntry, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	if err := s.checkEntry(ctx, &e); err != nil {
		return nil, err
	}
	id, err := s.Store.CreateInspectionPlanEntry(ctx, actor, e)
	if err != nil {
		return nil, err
	}
	return s.Store.FindInspectionPlanEntry(ctx, id)
}

// UpdatePlanEntry replaces an entry of the plan, for the office.
func (s *Service) UpdatePlanEntry(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, e records.InspectionPlanEntry) (*records.InspectionPlanEntry, error) {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return nil, fault.ErrForbidden
	}
	if err := s.checkEntry(ctx, &e); err != nil {
		return nil, err
	}
	if err := s.Store.UpdateInspectionPlanEntry(ctx, actor, id, e); err != nil {
		return nil, err
	}
	return s.Store.FindInspectionPlanEntry(ctx, id)
}

// DeletePlanEntry takes an entry off the plan, for the office; the
// inspections held against it stay.
func (s *Service) DeletePlanEntry(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) error {
	if !authz.Allowed(p, authz.InspectionWrite) {
		return fault.ErrForbidden
	}
	return s.Store.DeleteInspectionPlanEntry(ctx, actor, id)
}

// checkEntry validates an entry: a year, a title, a kind, a month, a day
// of that month when given, units of the registry, notes not too long.
func (s *Service) checkEntry(ctx context.Context, e *records.InspectionPlanEntry) error {
	var bad fault.Problems
	if e.Year < 2000 || e.Year > 2100 {
		bad.At("year", "inspection.error.year")
	}
	text(&bad, "title", "inspection.error.title", &e.Title, true, MaxTitle)
	text(&bad, "notes", "inspection.error.notes", &e.Notes, false, MaxText)
	if !validKind(e.Kind) {
		bad.At("kind", "inspection.error.kind")
	}
	if e.Month < 1 || e.Month > 12 {
		bad.At("month", "inspection.error.month")
	}
	if e.PlannedOn != "" && (!validDate(e.PlannedOn) || e.PlannedOn[:7] != fmt.Sprintf("%04d-%02d", e.Year, e.Month)) {
		bad.At("planned_on", "inspection.error.planned_on")
	}
	for _, u := range e.UnitIDs {
		if err := s.unit(ctx, &bad, "unit_ids", u); err != nil {
			return err
		}
	}
	return bad.Err()
}
