package webdeps

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/units"
	"github.com/duban/duban/internal/web"
)

// UpdateTask saves the review form of one task, as the API's PATCH
// /api/v1/tasks/{id} does: only the office changes an assignment.
func (s *plans) UpdateTask(ctx context.Context, plan, task int64, in web.TaskEdit) error {
	_, actor, err := s.d.acting(ctx, authz.TaskAssign)
	if err != nil {
		return err
	}
	t, err := s.d.Store.FindTaskByID(ctx, task)
	if err != nil {
		return pageError(err, "", "")
	}
	if t.PlanID != plan {
		return fmt.Errorf("%w: task %d is not in plan %d", web.ErrNotFound, task, plan)
	}
	if in.Title == "" {
		return &web.ValidationError{Fields: map[string]string{"title": "error.required"}}
	}
	links, err := s.unitLinks(ctx, in.Units)
	if err != nil {
		return err
	}
	up := store.TaskUpdate{Title: &in.Title, Goal: &in.Goal, Owner: &in.Owner, Requirement: &in.Requirement,
		Measure: &in.Measure, Weight: &in.Weight, Units: &links, Deadlines: &in.Deadlines, Targets: &in.Targets,
		Milestones: &in.Milestones}
	_, err = s.d.Store.UpdateTask(ctx, actor, task, up)
	return pageError(err, "", "")
}

// unitLinks checks the registry units the office chose. A name that the
// registry would not match to its chosen unit takes the unit's registered
// name: the review matches by name, and the ledger should show the
// official name rather than the document's abbreviation.
func (s *plans) unitLinks(ctx context.Context, in []web.UnitLink) ([]store.UnitLink, error) {
	reg, err := s.d.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]store.Unit, len(reg))
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		byID[u.ID] = u
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	ix := units.NewIndex(list)
	out := make([]store.UnitLink, 0, len(in))
	for _, l := range in {
		if l.UnitID != 0 {
			u, ok := byID[l.UnitID]
			if !ok {
				return nil, &web.ValidationError{Fields: map[string]string{"units": "error.unit_not_found"}}
			}
			if ix.Match(l.Name).UnitID != u.ID {
				l.Name = u.Name
			}
		}
		out = append(out, store.UnitLink{Name: l.Name, Lead: l.Lead, UnitID: l.UnitID})
	}
	return out, nil
}
