package adminsvc

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
)

// Audit is one page of the audit log's entries matching f, newest first,
// and how many match in all: the audit administrator's alone.
func (s *Service) Audit(ctx context.Context, p authz.Principal, f records.AuditFilter) ([]audit.Entry, int, error) {
	if err := may(p, authz.AuditRead); err != nil {
		return nil, 0, err
	}
	entries, total, err := s.Store.FindAudit(ctx, f)
	if err != nil {
		return nil, 0, fmt.Errorf("adminsvc: audit: %w", err)
	}
	return entries, total, nil
}

// VerifyAudit checks the hash chain of the whole log: how many entries it
// read and where the chain breaks (none when intact).
func (s *Service) VerifyAudit(ctx context.Context, p authz.Principal) (int, []audit.Problem, error) {
	if err := may(p, authz.AuditRead); err != nil {
		return 0, nil, err
	}
	n, problems, err := s.Store.VerifyAudit(ctx)
	if err != nil {
		return 0, nil, fmt.Errorf("adminsvc: verify audit: %w", err)
	}
	return n, problems, nil
}

// exportPage is how many entries an export reads at a time (a variable
// so that a test can make pages of a few).
var exportPage = 1000

// ExportAudit gives fn every entry matching f (its Limit and Offset
// ignored), oldest first, a page at a time, so that a year of entries is
// never held in memory; it stops at fn's first error. Before reading
// anything it records the export, with the filter and the number of
// entries: the attempt is what the log must keep, whether or not the file
// arrives. The entries are those that matched when it was recorded, all of
// them; the export's own entry is not among them.
func (s *Service) ExportAudit(ctx context.Context, p authz.Principal, actor audit.Actor, f records.AuditFilter, fn func(audit.Entry) error) error {
	if err := may(p, authz.AuditRead); err != nil {
		return err
	}
	f.Limit, f.Offset = 1, 0
	_, n, err := s.Store.FindAudit(ctx, f)
	if err != nil {
		return fmt.Errorf("adminsvc: count audit: %w", err)
	}
	if err := s.Store.RecordEvent(ctx, actor, "audit.export", "audit", "", exportDetail(f, n)); err != nil {
		return fmt.Errorf("adminsvc: record audit export: %w", err)
	}
	// FindAudit lists newest first, so entries written since the count
	// (the export's own among them) sit at the lowest offsets and the n
	// counted ones at the highest: walk those pages from the top down.
	_, total, err := s.Store.FindAudit(ctx, f)
	if err != nil {
		return fmt.Errorf("adminsvc: count audit: %w", err)
	}
	for end, stop := total, max(total-n, 0); end > stop; {
		start := max(end-exportPage, stop)
		f.Offset, f.Limit = start, end-start
		page, _, err := s.Store.FindAudit(ctx, f)
		if err != nil {
			return fmt.Errorf("adminsvc: export audit: %w", err)
		}
		for i := len(page) - 1; i >= 0; i-- {
			if err := fn(page[i]); err != nil {
				return err
			}
		}
		end = start
	}
	return nil
}

// exportDetail is what the export's audit entry keeps: the filter's
// fields that were set, and how many entries matched.
func exportDetail(f records.AuditFilter, n int) map[string]any {
	d := map[string]any{"entries": n}
	if f.Actor != "" {
		d["actor"] = f.Actor
	}
	if f.Action != "" {
		d["action"] = f.Action
	}
	if !f.From.IsZero() {
		d["from"] = f.From.UTC().Format(time.RFC3339)
	}
	if !f.To.IsZero() {
		d["to"] = f.To.UTC().Format(time.RFC3339)
	}
	return d
}
