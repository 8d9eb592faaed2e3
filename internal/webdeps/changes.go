package webdeps

import (
	"context"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/changesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// changes is a task's 延期申请, 调整 and 撤销 for the pages: a thin
// adapter over changesvc, which the API calls too.
type changes struct{ d *Deps }

// Task reads the task's 变更记录, newest first, and what the user may do.
func (s *changes) Task(ctx context.Context, id int64, workflow string) (*web.TaskChanges, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Changes.History(ctx, p, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	out := &web.TaskChanges{History: make([]records.TaskChange, 0, len(list))}
	for i := len(list) - 1; i >= 0; i-- {
		out.History = append(out.History, list[i])
		if list[i].State == "open" {
			out.Open = &list[i]
		}
	}
	t, err := s.d.Ledger.Readable(ctx, p, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	out.Due = changesvc.DueDeadline(t)
	w := ledger.Workflow(workflow)
	live := w != ledger.Draft && w != ledger.Closed && w != ledger.Revoked
	office := authz.Allowed(p, authz.TaskAssign) && s.d.Ledger.InScope(ctx, p, authz.TaskAssign, id) == nil
	out.CanChange = live && office
	out.CanDecide = out.Open != nil && office && w.Open()
	out.CanRequest = out.Open == nil && w.Open() && authz.Can(p, authz.TaskReport, authz.Resource{Units: t.UnitIDs})
	return out, nil
}

// OpenExtensions lists the requests awaiting a decision the user may read.
func (s *changes) OpenExtensions(ctx context.Context) ([]records.OpenExtension, error) {
	p, _, err := s.d.acting(ctx, authz.TaskRead)
	if err != nil {
		return nil, err
	}
	list, err := s.d.Changes.OpenExtensions(ctx, p)
	return list, pageError(err, "", "")
}

// RequestExtension is a unit's 延期申请 (changesvc.RequestExtension).
func (s *changes) RequestExtension(ctx context.Context, id int64, newDue, reason string) error {
	p, actor, err := s.d.acting(ctx, authz.TaskReport)
	if err != nil {
		return err
	}
	_, err = s.d.Changes.RequestExtension(ctx, p, actor, id, newDue, reason)
	return pageError(err, "", "")
}

// DecideExtension is the office's decision (changesvc.DecideExtension).
func (s *changes) DecideExtension(ctx context.Context, id int64, approve bool, comment string) error {
	p, actor, err := s.d.acting(ctx, authz.TaskAssign)
	if err != nil {
		return err
	}
	_, err = s.d.Changes.DecideExtension(ctx, p, actor, id, approve, comment)
	return pageError(err, "", "")
}

// Adjust is the office's 调整 (changesvc.Adjust): the units as the form
// lists them, the lead units first.
func (s *changes) Adjust(ctx context.Context, id int64, in web.AdjustEdit) error {
	p, actor, err := s.d.acting(ctx, authz.TaskAssign)
	if err != nil {
		return err
	}
	adj := changesvc.AdjustInput{Title: in.Title, Text: in.Text, Requirement: in.Requirement, Due: in.Due, Reason: in.Reason}
	if in.UnitsSet {
		links := make([]records.UnitLink, 0, len(in.Lead)+len(in.Coop))
		for _, n := range in.Lead {
			links = append(links, records.UnitLink{Name: n, Lead: true})
		}
		for _, n := range in.Coop {
			links = append(links, records.UnitLink{Name: n})
		}
		adj.Units = &links
	}
	_, err = s.d.Changes.Adjust(ctx, p, actor, id, adj)
	return pageError(err, "", "")
}

// Revoke is the office's 撤销 (changesvc.Revoke).
func (s *changes) Revoke(ctx context.Context, id int64, reason string) error {
	p, actor, err := s.d.acting(ctx, authz.TaskAssign)
	if err != nil {
		return err
	}
	_, err = s.d.Changes.Revoke(ctx, p, actor, id, reason)
	return pageError(err, "", "")
}
