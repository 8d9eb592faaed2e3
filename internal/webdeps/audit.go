package webdeps

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

type auditLog struct{ d *Deps }

func auditView(e audit.Entry) web.AuditView {
	obj := e.ObjectType
	if e.ObjectID != "" {
		obj += " #" + e.ObjectID
	}
	return web.AuditView{Seq: e.Seq, At: e.At, Actor: e.Actor, IP: e.IP, Action: e.Action, Object: obj, Before: e.Before, After: e.After}
}

func storeFilter(f web.AuditFilter) records.AuditFilter {
	return records.AuditFilter{Actor: f.Actor, Action: f.Action, From: f.From, To: f.To, Limit: f.Limit, Offset: f.Offset}
}

func (a *auditLog) Find(ctx context.Context, f web.AuditFilter) ([]web.AuditView, int, error) {
	if _, _, err := a.d.acting(ctx, authz.AuditRead); err != nil {
		return nil, 0, err
	}
	entries, total, err := a.d.Store.FindAudit(ctx, storeFilter(f))
	if err != nil {
		return nil, 0, err
	}
	out := make([]web.AuditView, len(entries))
	for i, e := range entries {
		out[i] = auditView(e)
	}
	return out, total, nil
}

// Each pages through the matching entries oldest first, a thousand at a
// time, after recording the export itself in the log.
func (a *auditLog) Each(ctx context.Context, f web.AuditFilter, fn func(web.AuditView) error) error {
	_, actor, err := a.d.acting(ctx, authz.AuditRead)
	if err != nil {
		return err
	}
	if err := a.d.Store.RecordEvent(ctx, actor, "audit.export", "audit", "", nil); err != nil {
		return err
	}
	sf := storeFilter(f)
	sf.Limit = 1
	_, total, err := a.d.Store.FindAudit(ctx, sf)
	if err != nil {
		return err
	}
	// FindAudit lists newest first, so the oldest entries sit at the
	// highest offsets: walk the pages from there down.
	const pageSize = 1000
	for end := total; end > 0; {
		start := max(end-pageSize, 0)
		sf.Offset, sf.Limit = start, end-start
		page, _, err := a.d.Store.FindAudit(ctx, sf)
		if err != nil {
			return err
		}
		for i := len(page) - 1; i >= 0; i-- {
			if err := fn(auditView(page[i])); err != nil {
				return err
			}
		}
		end = start
	}
	return nil
}
