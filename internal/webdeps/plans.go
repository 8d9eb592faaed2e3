package webdeps

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// plans is plan intake for the office: a thin adapter over intakesvc,
// which the API and `duban import` call too, so the rules are one.
type plans struct{ d *Deps }

// List returns every plan, newest first, to whoever may read plans
// (intakesvc.Plans).
func (s *plans) List(ctx context.Context) ([]ledgersvc.Plan, error) {
	p, _, err := s.d.acting(ctx, authz.PlanRead)
	if err != nil {
		return nil, err
	}
	out, err := s.d.Intake.Plans(ctx, p)
	return out, pageError(err, "", "")
}

// Import takes an uploaded document in as a draft; existed says the same
// document was taken in before and its plan is the one returned.
func (s *plans) Import(ctx context.Context, name string, data []byte) (int64, bool, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return 0, false, err
	}
	res, err := s.d.Intake.Import(ctx, p, actor, intakesvc.Upload{Name: name, Data: data, Draft: true})
	if err != nil {
		return 0, false, intakeError(err)
	}
	return res.ID, !res.Created, nil
}

// Review returns a draft beside its source, for the review page.
func (s *plans) Review(ctx context.Context, id int64) (*ledgersvc.Review, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	rv, err := s.d.Intake.Review(ctx, p, id)
	return rv, intakeError(err)
}

// UpdatePlan saves the review form of a draft's own fields.
func (s *plans) UpdatePlan(ctx context.Context, id int64, in web.PlanEdit) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Intake.UpdatePlan(ctx, p, actor, id, records.PlanUpdate{Title: &in.Title, DocNumber: &in.DocNumber,
		Issuer: &in.Issuer, IssuedOn: &in.IssuedOn, Year: &in.Year})
	return intakeError(err)
}

// Rename gives a plan a new title (intakesvc.RenamePlan), as the API's
// PATCH /api/v1/plans/{id} with a title alone does.
func (s *plans) Rename(ctx context.Context, id int64, title string) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Intake.RenamePlan(ctx, p, actor, id, title)
	return intakeError(err)
}

// Discard throws a draft away.
func (s *plans) Discard(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	return intakeError(s.d.Intake.Discard(ctx, p, actor, id))
}

// Confirm registers a draft's tasks (挂号); force confirms a draft the
// service asked about (tasks without units, unmatched unit names).
func (s *plans) Confirm(ctx context.Context, id int64, force bool) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Intake.Confirm(ctx, p, actor, id, force)
	return intakeError(err)
}

// Publish puts a confirmed plan on the public portal, or takes it off;
// the office decides (PlanWrite), and confirms a plan whose tasks hold
// personal data (confirmPII).
func (s *plans) Publish(ctx context.Context, id int64, public, confirmPII bool) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Intake.Publish(ctx, p, actor, id, public, confirmPII)
	return intakeError(err)
}
