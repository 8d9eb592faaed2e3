package ledgersvc

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// MaxText bounds, in characters, the text of a progress report, a 销号
// application, an answer to a 督办单 and the reason a 销号 is returned,
// whichever way it comes in (page, API, sheet): a long report is a page
// or two, not a document.
const MaxText = 5000

// ReportInput is a progress report.
type ReportInput struct {
	Text           string
	Problems       string // 存在问题, optional
	NextSteps      string // 下步计划, optional
	Percent        *float64
	Period         string          // the reporting period; "" is the current one of a recurring task
	MilestonesDone []int           // by place in the task
	Targets        map[int]float64 // target's place → value reached
	Files          []Upload
}

// Reportable loads a task p may report on: a liaison of one of its units
// (TaskReport is unit-scoped). A draft is not in the ledger yet, so for
// p it does not exist.
func (s *Service) Reportable(ctx context.Context, p authz.Principal, id int64) (*records.Task, error) {
	if !authz.Allowed(p, authz.TaskReport) {
		return nil, ErrForbidden
	}
	t, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !authz.Can(p, authz.TaskReport, authz.Resource{Units: t.UnitIDs}) {
		return nil, ErrForbidden
	}
	if t.Status == string(ledger.Draft) {
		return nil, fault.ErrNotFound
	}
	return t, nil
}

// Report records p's unit's progress report on task id and returns the
// report's id and period. The text is required and at most MaxText
// characters (存在问题 and 下步计划 optional, as long at most), the
// percent within 0–100, milestones and targets places in
// the task; the files are kept once the rest is found right.
func (s *Service) Report(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, in ReportInput) (int64, string, error) {
	t, err := s.Reportable(ctx, p, id)
	if err != nil {
		return 0, "", err
	}
	in.Text, in.Problems, in.NextSteps = strings.TrimSpace(in.Text), strings.TrimSpace(in.Problems), strings.TrimSpace(in.NextSteps)
	fields := map[string]string{}
	checkText(fields, "text", in.Text, true)
	checkText(fields, "problems", in.Problems, false)
	checkText(fields, "next_steps", in.NextSteps, false)
	if in.Percent != nil && (*in.Percent < 0 || *in.Percent > 100) {
		fields["percent"] = "error.percent_range"
	}
	for _, m := range in.MilestonesDone {
		if m < 0 || m >= len(t.Milestones) {
			fields["milestones"] = "error.invalid"
		}
	}
	for k := range in.Targets {
		if k < 0 || k >= len(t.Targets) {
			fields["targets"] = "error.invalid"
		}
	}
	if len(fields) > 0 {
		return 0, "", &fault.Error{Code: fault.Invalid, Fields: fields}
	}
	if in.Period == "" && t.Every != "" {
		if per, err := ledger.PeriodOf(t.Every, s.Today()); err == nil {
			in.Period = per.Key
		}
	}
	atts, err := s.Keep(in.Files)
	if err != nil {
		return 0, "", err
	}
	pid, err := s.Store.AddProgress(ctx, actor, t.ID, records.ProgressInput{UnitID: ReportingUnit(p, t), Period: in.Period,
		Text: in.Text, Problems: in.Problems, NextSteps: in.NextSteps, Percent: in.Percent, MilestonesDone: in.MilestonesDone, Targets: in.Targets, Attachments: atts})
	if err != nil {
		return 0, "", err
	}
	return pid, in.Period, nil
}

// RequestClose applies for 销号 of task id for p's unit, with its text
// (required, at most MaxText characters) and evidence, and returns the
// application's id.
func (s *Service) RequestClose(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, text string, ups []Upload) (int64, error) {
	t, err := s.Reportable(ctx, p, id)
	if err != nil {
		return 0, err
	}
	text = strings.TrimSpace(text)
	if err := textError("text", text, true); err != nil {
		return 0, err
	}
	atts, err := s.Keep(ups)
	if err != nil {
		return 0, err
	}
	return s.Store.RequestClose(ctx, actor, t.ID, ReportingUnit(p, t), text, atts)
}

// Answer records the 整改反馈 of p's unit to the 督办单 key of task id;
// whoever may report on the task may answer its notices. A notice
// answered already is a conflict (error.answered).
func (s *Service) Answer(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, key, text string, ups []Upload) error {
	t, err := s.Reportable(ctx, p, id)
	if err != nil {
		return err
	}
	text = strings.TrimSpace(text)
	if err := textError("text", text, true); err != nil {
		return err
	}
	atts, err := s.Keep(ups)
	if err != nil {
		return err
	}
	err = s.Store.AnswerSupervision(ctx, actor, t.ID, key, text, atts)
	if e := fault.As(err); e != nil && e.Code == fault.Conflict && e.Key == "" {
		return fault.Wrap(fault.Conflict, "error.answered", err)
	}
	return err
}

// Decide closes task id (销号) or returns its application with a reason
// (required then, at most MaxText characters); only the office verifies.
// It returns the task as the ledger shows it afterwards.
func (s *Service) Decide(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, close bool, reason string) (*Task, error) {
	if !authz.Allowed(p, authz.TaskClose) {
		return nil, ErrForbidden
	}
	if err := s.InScope(ctx, p, authz.TaskClose, id); err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if err := textError("reason", reason, !close); err != nil {
		return nil, err
	}
	if err := s.Store.DecideClose(ctx, actor, id, close, reason); err != nil {
		return nil, err
	}
	t, err := s.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, err
	}
	v := s.View(t)
	return &v, nil
}

// checkText puts text's problem at field: empty when required, or longer
// than MaxText characters.
func checkText(fields map[string]string, field, text string, required bool) {
	switch {
	case text == "" && required:
		fields[field] = "error.required"
	case utf8.RuneCountInString(text) > MaxText:
		fields[field] = "error.text_too_long"
	}
}

// textError is checkText as a refusal, or nil.
func textError(field, text string, required bool) error {
	fields := map[string]string{}
	checkText(fields, field, text, required)
	if len(fields) == 0 {
		return nil
	}
	return &fault.Error{Code: fault.Invalid, Fields: fields}
}
