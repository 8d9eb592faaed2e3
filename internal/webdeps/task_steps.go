package webdeps

import (
	"context"
	"errors"
	"unicode/utf8"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// maxReportText bounds a report's or an application's text, in
// characters: a long report is a page or two, not a document.
const maxReportText = 5000

// Report records a progress report, as the API's POST
// /api/v1/tasks/{id}/progress does.
func (s *tasks) Report(ctx context.Context, id int64, in web.ReportInput) error {
	p, actor, t, err := s.reportable(ctx, id)
	if err != nil {
		return err
	}
	fe := map[string]string{}
	checkReportText(fe, in.Text)
	if in.Percent != nil && (*in.Percent < 0 || *in.Percent > 100) {
		fe["percent"] = "error.percent_range"
	}
	for _, m := range in.MilestonesDone {
		if m < 0 || m >= len(t.Milestones) {
			fe["milestones"] = "error.invalid"
		}
	}
	for k := range in.Targets {
		if k < 0 || k >= len(t.Targets) {
			fe["targets"] = "error.invalid"
		}
	}
	if len(fe) > 0 {
		return &web.ValidationError{Fields: fe}
	}
	if in.Period == "" && t.Every != "" {
		if per, err := ledger.PeriodOf(t.Every, s.d.Ledger.Today()); err == nil {
			in.Period = per.Key
		}
	}
	atts, err := s.keep(in.Files)
	if err != nil {
		return err
	}
	_, err = s.d.Store.AddProgress(ctx, actor, t.ID, records.ProgressInput{UnitID: ledgersvc.ReportingUnit(p, t), Period: in.Period,
		Text: in.Text, Percent: in.Percent, MilestonesDone: in.MilestonesDone, Targets: in.Targets, Attachments: atts})
	return pageError(err, "", "")
}

// RequestClose applies for 销号 with evidence, as the API's POST
// /api/v1/tasks/{id}/close-request does.
func (s *tasks) RequestClose(ctx context.Context, id int64, in web.CloseInput) error {
	p, actor, t, err := s.reportable(ctx, id)
	if err != nil {
		return err
	}
	fe := map[string]string{}
	checkReportText(fe, in.Text)
	if len(fe) > 0 {
		return &web.ValidationError{Fields: fe}
	}
	atts, err := s.keep(in.Files)
	if err != nil {
		return err
	}
	_, err = s.d.Store.RequestClose(ctx, actor, t.ID, ledgersvc.ReportingUnit(p, t), in.Text, atts)
	return pageError(err, "", "")
}

// Answer records the 整改反馈 of the user's unit to a 督办单 of the task;
// whoever may report on the task may answer its notices.
func (s *tasks) Answer(ctx context.Context, id int64, key, text string, files []web.Upload) error {
	_, actor, t, err := s.reportable(ctx, id)
	if err != nil {
		return err
	}
	fe := map[string]string{}
	checkReportText(fe, text)
	if len(fe) > 0 {
		return &web.ValidationError{Fields: fe}
	}
	atts, err := s.keep(files)
	if err != nil {
		return err
	}
	return pageError(s.d.Store.AnswerSupervision(ctx, actor, t.ID, key, text, atts), "", "error.answered")
}

// Decide closes a task (销号) or returns the application with a reason;
// only the office verifies.
func (s *tasks) Decide(ctx context.Context, id int64, close bool, reason string) error {
	_, actor, err := s.d.acting(ctx, authz.TaskClose)
	if err != nil {
		return err
	}
	if !close && reason == "" {
		return &web.ValidationError{Fields: map[string]string{"reason": "error.required"}}
	}
	if utf8.RuneCountInString(reason) > maxReportText {
		return &web.ValidationError{Fields: map[string]string{"reason": "error.text_too_long"}}
	}
	return pageError(s.d.Store.DecideClose(ctx, actor, id, close, reason), "", "")
}

func checkReportText(fe map[string]string, text string) {
	switch {
	case text == "":
		fe["text"] = "error.required"
	case utf8.RuneCountInString(text) > maxReportText:
		fe["text"] = "error.text_too_long"
	}
}

// keep checks and keeps uploaded files; a refused file is a form error.
func (s *tasks) keep(ups []web.Upload) ([]records.Attachment, error) {
	if len(ups) == 0 {
		return nil, nil
	}
	if s.d.Files == nil {
		return nil, errNoFiles
	}
	var out []records.Attachment
	for _, u := range ups {
		if u.Size > files.MaxSize {
			return nil, &web.ValidationError{Fields: map[string]string{"files": "error.file_too_large"}}
		}
		f, err := u.Open()
		if err != nil {
			return nil, err
		}
		saved, err := s.d.Files.Put(u.Name, f)
		f.Close()
		switch {
		case errors.Is(err, files.ErrTooLarge):
			return nil, &web.ValidationError{Fields: map[string]string{"files": "error.file_too_large"}}
		case errors.Is(err, files.ErrNotAllowed):
			return nil, &web.ValidationError{Fields: map[string]string{"files": "error.file_type"}}
		case errors.Is(err, files.ErrEmpty):
			return nil, &web.ValidationError{Fields: map[string]string{"files": "error.file_empty"}}
		case err != nil:
			return nil, err
		}
		out = append(out, records.Attachment{Filename: u.Name, ContentType: saved.ContentType, Size: saved.Size, SHA256: saved.SHA256})
	}
	return out, nil
}
