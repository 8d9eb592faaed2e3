package webdeps

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/web"
)

// Report records a progress report (ledgersvc.Report), as the API's POST
// /api/v1/tasks/{id}/progress does.
func (s *tasks) Report(ctx context.Context, id int64, in web.ReportInput) error {
	p, actor, err := s.d.acting(ctx, authz.TaskReport)
	if err != nil {
		return err
	}
	_, _, err = s.d.Ledger.Report(ctx, p, actor, id, ledgersvc.ReportInput{Text: in.Text, Problems: in.Problems, NextSteps: in.NextSteps, Percent: in.Percent, Period: in.Period,
		MilestonesDone: in.MilestonesDone, Targets: in.Targets, Files: uploads(in.Files)})
	return pageError(err, "", "")
}

// RequestClose applies for 销号 with evidence (ledgersvc.RequestClose),
// as the API's POST /api/v1/tasks/{id}/close-request does.
func (s *tasks) RequestClose(ctx context.Context, id int64, in web.CloseInput) error {
	p, actor, err := s.d.acting(ctx, authz.TaskReport)
	if err != nil {
		return err
	}
	_, err = s.d.Ledger.RequestClose(ctx, p, actor, id, in.Text, uploads(in.Files))
	return pageError(err, "", "")
}

// Answer records the 整改反馈 of the user's unit to a 督办单 of the task
// (ledgersvc.Answer).
func (s *tasks) Answer(ctx context.Context, id int64, key, text string, files []web.Upload) error {
	p, actor, err := s.d.acting(ctx, authz.TaskReport)
	if err != nil {
		return err
	}
	return pageError(s.d.Ledger.Answer(ctx, p, actor, id, key, text, uploads(files)), "", "error.answered")
}

// Decide closes a task (销号) or returns the application with a reason
// (ledgersvc.Decide); only the office verifies.
func (s *tasks) Decide(ctx context.Context, id int64, close bool, reason string) error {
	p, actor, err := s.d.acting(ctx, authz.TaskClose)
	if err != nil {
		return err
	}
	_, err = s.d.Ledger.Decide(ctx, p, actor, id, close, reason)
	return pageError(err, "", "")
}

// uploads hands the form's files to the ledger, which checks and keeps them.
func uploads(in []web.Upload) []ledgersvc.Upload {
	out := make([]ledgersvc.Upload, len(in))
	for i, u := range in {
		out[i] = ledgersvc.Upload(u)
	}
	return out
}
