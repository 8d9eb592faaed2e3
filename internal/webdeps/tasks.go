package webdeps

import (
	"context"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
)

// tasks is the ledger for the pages. Reads go through ledgersvc, which
// scopes them to what the user may see; writes mirror the API's rules.
type tasks struct{ d *Deps }

// storeFilter turns the page's filter into the store's; ledgersvc adds
// the user's scope and today's dates.
func storeTaskFilter(f web.TaskFilter) records.TaskFilter {
	return records.TaskFilter{PlanID: f.PlanID, UnitID: f.UnitID, Q: f.Q, Status: ledger.Status(f.Status),
		Light: ledger.Light(f.Light), DueFrom: f.DueFrom, DueTo: f.DueTo, Sort: f.Sort, Limit: f.Limit, Offset: f.Offset}
}

func (s *tasks) List(ctx context.Context, f web.TaskFilter) ([]ledgersvc.Task, int, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, 0, err
	}
	list, total, err := s.d.Ledger.List(ctx, p, storeTaskFilter(f))
	return list, total, pageError(err, "", "")
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
	td := &web.TaskDetail{Detail: *d}
	// The history keeps account names; people read each other's names.
	names := map[int64]string{}
	for i, e := range td.History {
		if _, ok := names[e.ActorID]; !ok {
			names[e.ActorID] = e.Actor
			if u, err := s.d.Store.FindUserByID(ctx, e.ActorID); err == nil && u.DisplayName != "" {
				names[e.ActorID] = u.DisplayName
			}
		}
		td.History[i].Actor = names[e.ActorID]
	}
	open := ledger.Workflow(d.Workflow).Open()
	td.CanReport = open && authz.Can(p, authz.TaskReport, authz.Resource{Units: d.UnitIDs})
	td.CanDecide = d.Workflow == string(ledger.Pending) && authz.Allowed(p, authz.TaskClose)
	td.CanIssue = open && s.d.Supervision.Issuing() && authz.Allowed(p, authz.TaskSupervise)
	if d.Every != "" {
		if per, err := ledger.PeriodOf(d.Every, s.d.Ledger.Today()); err == nil {
			td.CurrentPeriod = per.Key
		}
	}
	if td.Supervision, err = s.supervision(ctx, id); err != nil {
		return nil, err
	}
	if all, err := s.d.Store.FindPlans(ctx); err == nil {
		for _, pl := range all {
			if pl.ID == d.PlanID {
				td.PlanTitle = pl.Title
			}
		}
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
// API's GET /api/v1/attachments/{id} does.
func (s *tasks) Attachment(ctx context.Context, id int64) (*web.Download, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	if s.d.Files == nil {
		return nil, web.ErrNotFound
	}
	a, taskID, err := s.d.Store.FindAttachment(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	if _, err := s.d.Ledger.Readable(ctx, p, taskID); err != nil {
		return nil, pageError(err, "", "")
	}
	f, err := s.d.Files.Get(a.SHA256)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", web.ErrNotFound, err)
	}
	return &web.Download{Filename: a.Filename, ContentType: a.ContentType, ModTime: a.CreatedAt, Body: f}, nil
}

// reportable loads a task the user may report on: a liaison of one of
// its units (TaskReport is unit-scoped).
func (s *tasks) reportable(ctx context.Context, id int64) (authz.Principal, audit.Actor, *records.Task, error) {
	p, actor, err := s.d.acting(ctx, authz.TaskReport)
	if err != nil {
		return p, actor, nil, err
	}
	t, err := s.d.Store.FindTaskByID(ctx, id)
	if err != nil {
		return p, actor, nil, pageError(err, "", "")
	}
	if !authz.Can(p, authz.TaskReport, authz.Resource{Units: t.UnitIDs}) {
		return p, actor, nil, web.ErrForbidden
	}
	if t.Status == string(ledger.Draft) {
		return p, actor, nil, web.ErrNotFound // a draft is not in the ledger yet
	}
	return p, actor, t, nil
}

var errNoFiles = errors.New("webdeps: no attachment store")

// supervision is the task's supervision record, newest first, each step
// explained against the calendar.
func (s *tasks) supervision(ctx context.Context, id int64) ([]web.SupervisionItem, error) {
	hist, err := s.d.Store.SupervisionHistory(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	events := hist[id]
	evidence, err := s.d.Store.AnswerEvidence(ctx, id)
	if err != nil {
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	out := make([]web.SupervisionItem, 0, len(events))
	for i := len(events) - 1; i >= 0; i-- {
		e := events[i]
		it := web.SupervisionItem{Key: e.Key, Kind: string(e.Kind), Answer: e.Answer, Due: e.Due, Title: supervise.KindLabel(loc.T, e.Kind), On: e.On, Deadline: e.Deadline,
			Answered: e.Answered, Evidence: evidence[e.Key], CaughtUp: !e.Recorded.IsZero() && !e.OnTime()}
		if e.Label != "" {
			it.Title = supervise.LevelLabel(loc.T, e.Level, e.Label)
		}
		if s.d.Calendar != nil {
			it.Explain = supervise.Explain(e, s.d.Calendar.Current(), loc.T)
		}
		out = append(out, it)
	}
	return out, nil
}
