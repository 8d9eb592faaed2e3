package webdeps

import (
	"context"

	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// UpdateTask saves the review form of one task of a draft, with the
// rules of the API's PATCH /api/v1/tasks/{id}. Only what the form carried
// changes: a list it left out (nil) is kept, never cleared. It is a review
// edit: a task of a confirmed plan is refused here (a conflict), as its
// review page is no longer shown.
func (s *plans) UpdateTask(ctx context.Context, plan, task int64, in web.TaskEdit) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	up := records.TaskUpdate{Title: in.Title, Goal: in.Goal, Owner: in.Owner, Requirement: in.Requirement, Measure: in.Measure}
	if in.WeightSet {
		weight := in.Weight
		up.Weight = &weight
	}
	if in.Units != nil {
		links := unitLinksOf(in.Units)
		up.Units = &links
	}
	if in.Deadlines != nil {
		up.Deadlines = &in.Deadlines
	}
	if in.Targets != nil {
		up.Targets = &in.Targets
	}
	if in.Milestones != nil {
		up.Milestones = &in.Milestones
	}
	_, err = s.d.Intake.UpdateTask(ctx, p, actor, plan, task, up)
	return intakeError(err)
}

// AddTask adds a task to a draft after in.After and returns its id.
func (s *plans) AddTask(ctx context.Context, plan int64, in web.NewTask) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	t, err := s.d.Intake.AddTask(ctx, p, actor, plan, intakesvc.NewTask{After: in.After, Path: in.Path, Title: in.Title,
		Text: in.Text, Units: unitLinksOf(in.Units), Deadlines: in.Deadlines})
	if err != nil {
		return 0, intakeError(err)
	}
	return t.ID, nil
}

// DeleteTask removes a task from a draft.
func (s *plans) DeleteTask(ctx context.Context, plan, task int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return intakeError(s.d.Intake.DeleteTask(ctx, p, actor, plan, task))
}

// SplitTask cuts a draft's task in two before sentence at and returns the
// new second part's id.
func (s *plans) SplitTask(ctx context.Context, plan, task int64, at int) (int64, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, err
	}
	t, err := s.d.Intake.SplitTask(ctx, p, actor, plan, task, at)
	if err != nil {
		return 0, intakeError(err)
	}
	return t.ID, nil
}

// MergeTasks appends task with to task and removes with.
func (s *plans) MergeTasks(ctx context.Context, plan, task, with int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Intake.MergeTasks(ctx, p, actor, plan, task, with)
	return intakeError(err)
}

// MoveTask puts a draft's task after task after (0: first), with path
// unless it is empty.
func (s *plans) MoveTask(ctx context.Context, plan, task, after int64, path []string) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Intake.MoveTask(ctx, p, actor, plan, task, after, path)
	return intakeError(err)
}

// unitLinksOf is the service's form of the page's unit rows.
func unitLinksOf(in []web.UnitLink) []records.UnitLink {
	out := make([]records.UnitLink, len(in))
	for i, l := range in {
		out[i] = records.UnitLink{Name: l.Name, Lead: l.Lead, UnitID: l.UnitID}
	}
	return out
}
