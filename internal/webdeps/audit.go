package webdeps

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// auditLog is the audit log's pages over adminsvc.
type auditLog struct{ d *Deps }

func auditView(e audit.Entry) web.AuditView {
	obj := e.ObjectType
	if e.ObjectID != "" {
		obj += " #" + e.ObjectID
	}
	return web.AuditView{Seq: e.Seq, At: e.At, Actor: e.Actor, IP: e.IP, Action: e.Action, Object: obj, Before: e.Before, After: e.After, Hash: e.Hash}
}

func auditFilter(f web.AuditFilter) records.AuditFilter {
	return records.AuditFilter{Actor: f.Actor, Action: f.Action, From: f.From, To: f.To, Limit: f.Limit, Offset: f.Offset}
}

func (a *auditLog) Find(ctx context.Context, f web.AuditFilter) ([]web.AuditView, int, error) {
	p, _, err := a.d.caller(ctx)
	if err != nil {
		return nil, 0, err
	}
	entries, total, err := a.d.Admin.Audit(ctx, p, auditFilter(f))
	if err != nil {
		return nil, 0, pageError(err, "", "")
	}
	out := make([]web.AuditView, len(entries))
	for i, e := range entries {
		out[i] = auditView(e)
	}
	return out, total, nil
}

// Each is the export: adminsvc records it, then gives the entries oldest
// first.
func (a *auditLog) Each(ctx context.Context, f web.AuditFilter, fn func(web.AuditView) error) error {
	p, actor, err := a.d.caller(ctx)
	if err != nil {
		return err
	}
	err = a.d.Admin.ExportAudit(ctx, p, actor, auditFilter(f), func(e audit.Entry) error { return fn(auditView(e)) })
	return pageError(err, "", "")
}
