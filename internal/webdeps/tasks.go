package webdeps

import (
	"context"
	"errors"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// tasks is the ledger for the pages: a thin adapter over ledgersvc, which
// the API calls too, so that what a user may see and do, and the rules of
// each step, are one.
type tasks struct{ d *Deps }

// storeFilter turns the page's filter into the store's; ledgersvc adds
// the user's scope and today's dates.
func storeTaskFilter(f web.TaskFilter) records.TaskFilter {
	return records.TaskFilter{PlanID: f.PlanID, UnitID: f.UnitID, Q: f.Q, Status: ledger.Status(f.Status),
		Light: ledger.Light(f.Light), Source: f.Source, DueFrom: f.DueFrom, DueTo: f.DueTo, Sort: f.Sort, Limit: f.Limit, Offset: f.Offset, Cursor: f.Cursor}
}

func (s *tasks) List(ctx context.Context, f web.TaskFilter) (ledgersvc.TaskPage, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return ledgersvc.TaskPage{}, err
	}
	page, err := s.d.Ledger.Page(ctx, p, storeTaskFilter(f))
	return page, pageError(err, "", "")
}

func (s *tasks) Get(ctx context.Context, id int64) (*web.TaskDetail, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	d, err := s.d.Ledger.Detail(ctx, p, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	td := &web.TaskDetail{Detail: *d, PlanTitle: d.PlanTitle}
	open := ledger.Workflow(d.Workflow).Open()
	td.CanReport = open && authz.Can(p, authz.TaskReport, authz.Resource{Units: d.UnitIDs})
	// A task a higher office took over (提级督办) is no longer a lower
	// office's to close or supervise.
	td.Reserved = d.Takeover != nil && s.d.Ledger.InScope(ctx, p, authz.TaskSupervise, id) != nil
	td.CanDecide = d.Workflow == string(ledger.Pending) && authz.Allowed(p, authz.TaskClose) && !td.Reserved
	td.CanIssue = open && s.d.Supervision.Issuing() && authz.Allowed(p, authz.TaskSupervise) && !td.Reserved
	td.NoUnit = len(d.Units) == 0 && len(d.LeadUnits) == 0
	if d.Every != "" {
		if per, err := ledger.PeriodOf(d.Every, s.d.Ledger.Today()); err == nil {
			td.CurrentPeriod = per.Key
		}
	}
	steps, err := s.d.Ledger.Supervision(ctx, p, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	td.Supervision = s.supervisionItems(ctx, steps)
	if td.Matter, err = matterRecord(ctx, s.d, p, id); err != nil {
		return nil, pageError(err, "", "")
	}
	return td, nil
}

func (s *tasks) Workspace(ctx context.Context) (*ledgersvc.Workspace, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	ws, err := s.d.Ledger.Workspace(ctx, p)
	return ws, pageError(err, "", "")
}

// Attachment opens an attachment for whoever may read its task, as the
// API's GET /api/v1/attachments/{id} does (ledgersvc.Attachment).
func (s *tasks) Attachment(ctx context.Context, id int64) (*web.Download, error) {
	p, actor, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	a, f, err := s.d.Ledger.Attachment(ctx, p, actor, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: f}, nil
}

// errNoFiles is a deployment without an attachment store receiving files.
var errNoFiles = errors.New("webdeps: no attachment store")

// supervisionItems shows a task's supervision record newest first, each
// step explained against the calendar in the reader's language.
func (s *tasks) supervisionItems(ctx context.Context, steps []ledgersvc.SupervisionStep) []web.SupervisionItem {
	loc := i18n.FromContext(ctx)
	out := make([]web.SupervisionItem, 0, len(steps))
	for i := len(steps) - 1; i >= 0; i-- {
		e := steps[i].Event
		it := web.SupervisionItem{Key: e.Key, Kind: string(e.Kind), Answer: e.Answer, Due: e.Due, Title: supervise.KindLabel(loc.T, e.Kind), On: e.On, Deadline: e.Deadline,
			Answered: e.Answered, Evidence: steps[i].Evidence, CaughtUp: !e.Recorded.IsZero() && !e.OnTime()}
		if e.Label != "" {
			it.Title = supervise.LevelLabel(loc.T, e.Level, e.Label)
		}
		if s.d.Calendar != nil {
			it.Explain = supervise.Explain(e, s.d.Calendar.Current(), loc.T)
		}
		out = append(out, it)
	}
	return out
}
