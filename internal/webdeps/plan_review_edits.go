package webdeps

import (
	"context"

	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/web"
)

// UpdateTask saves the review form of one task, with the rules of the
// API's PATCH /api/v1/tasks/{id}: only the office changes an assignment.
func (s *plans) UpdateTask(ctx context.Context, plan, task int64, in web.TaskEdit) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	links := unitLinksOf(in.Units)
	weight := in.Weight
	up := store.TaskUpdate{Title: &in.Title, Goal: &in.Goal, Owner: &in.Owner, Requirement: &in.Requirement,
		Measure: &in.Measure, Weight: &weight, Units: &links, Deadlines: &in.Deadlines, Targets: &in.Targets,
		Milestones: &in.Milestones}
	_, err = s.d.intake().UpdateTask(ctx, p, actor, plan, task, up)
	return intakeError(err)
}

func (s *plans) AddTask(ctx context.Context, plan int64, in web.NewTask) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	id, err := s.d.intake().AddTask(ctx, p, actor, plan, intakesvc.NewTask{After: in.After, Path: in.Path, Title: in.Title,
		Text: in.Text, Units: unitLinksOf(in.Units), Deadlines: in.Deadlines})
	return id, intakeError(err)
}

func (s *plans) DeleteTask(ctx context.Context, plan, task int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return intakeError(s.d.intake().DeleteTask(ctx, p, actor, plan, task))
}

func (s *plans) SplitTask(ctx context.Context, plan, task int64, at int) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	id, err := s.d.intake().SplitTask(ctx, p, actor, plan, task, at)
	return id, intakeError(err)
}

func (s *plans) MergeTasks(ctx context.Context, plan, task, with int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return intakeError(s.d.intake().MergeTasks(ctx, p, actor, plan, task, with))
}

func (s *plans) MoveTask(ctx context.Context, plan, task, after int64, path []string) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return intakeError(s.d.intake().MoveTask(ctx, p, actor, plan, task, after, path))
}

func unitLinksOf(in []web.UnitLink) []store.UnitLink {
	out := make([]store.UnitLink, len(in))
	for i, l := range in {
		out[i] = store.UnitLink{Name: l.Name, Lead: l.Lead, UnitID: l.UnitID}
	}
	return out
}
