package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
)

// ErrAuditBroken is returned, wrapped, by PurgeAudit when the chain does
// not verify: a purge must never delete the evidence of tampering.
var ErrAuditBroken = errors.New("store: the audit chain does not verify")

// deleteGuard lifts and restores the trigger that keeps duban itself from
// deleting audit entries, inside the purge's own transaction: another
// transaction never sees the log unguarded, and a failed purge rolls the
// trigger back with everything else.
var deleteGuard = map[string][2]string{
	"sqlite": {`DROP TRIGGER audit_log_no_delete`,
		`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END`},
	"postgres": {`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_delete`,
		`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_delete`},
}

// PurgeAudit deletes the oldest entries of the audit log, those recorded
// before the given instant, and appends a summary entry (audit.Purge: the
// range, the count and the last purged entry's hash) to the chain, which
// is then verifiable from the first kept entry on. It first verifies the
// whole chain and refuses (ErrAuditBroken) if it does not hold. Only a
// run of entries from the start of the log is purged, so the chain has no
// hole. It returns false when nothing was old enough; otherwise the
// summary entry, which the caller also writes to the checkpoint file.
// With a signer (nil for none) the summary carries its signature
// (audit.Purge.Sig) in the chain, and so in the returned entry.
func (db *DB) PurgeAudit(ctx context.Context, actor audit.Actor, before time.Time, signer *audit.Signer) (audit.Purge, audit.Entry, bool, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return audit.Purge{}, audit.Entry{}, false, fmt.Errorf("store: purge audit: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE audit_head SET seq = seq WHERE id = 1`); err != nil {
		return audit.Purge{}, audit.Entry{}, false, fmt.Errorf("store: purge audit: lock head: %w", err)
	}
	var head audit.Head
	if err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&head.Seq, &head.Hash); err != nil {
		return audit.Purge{}, audit.Entry{}, false, fmt.Errorf("store: purge audit: head: %w", err)
	}
	rows, err := tx.QueryContext(ctx, auditColumns+` ORDER BY seq`)
	if err != nil {
		return audit.Purge{}, audit.Entry{}, false, fmt.Errorf("store: purge audit: %w", err)
	}
	all, err := scanAudit(rows)
	if err != nil {
		return audit.Purge{}, audit.Entry{}, false, err
	}
	if problems := db.chain.Verify(all, head); len(problems) > 0 {
		return audit.Purge{}, audit.Entry{}, false, fmt.Errorf("%w: %d problems, the first %s", ErrAuditBroken, len(problems), problems[0])
	}
	n := 0
	for n < len(all) && all[n].At.Before(before) {
		n++
	}
	if n == 0 {
		return audit.Purge{}, audit.Entry{}, false, nil
	}
	p := signer.SignPurge(audit.Purge{From: all[0].Seq, To: all[n-1].Seq, Count: int64(n), LastHash: all[n-1].Hash, Before: before.UTC()})
	guard := deleteGuard[db.dialect.name]
	if _, err := tx.ExecContext(ctx, guard[0]); err != nil {
		return p, audit.Entry{}, false, fmt.Errorf("store: purge audit: lift guard: %w", err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM audit_log WHERE seq <= ?`), p.To); err != nil {
		return p, audit.Entry{}, false, fmt.Errorf("store: purge audit: delete: %w", err)
	}
	if _, err := tx.ExecContext(ctx, guard[1]); err != nil {
		return p, audit.Entry{}, false, fmt.Errorf("store: purge audit: restore guard: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, audit.PurgeAction, "audit_log", fmt.Sprintf("%d-%d", p.From, p.To), nil, p); err != nil {
		return p, audit.Entry{}, false, err
	}
	rows, err = tx.QueryContext(ctx, auditColumns+` WHERE seq = (SELECT seq FROM audit_head WHERE id = 1)`)
	if err != nil {
		return p, audit.Entry{}, false, fmt.Errorf("store: purge audit: %w", err)
	}
	summary, err := scanAudit(rows)
	if err != nil || len(summary) != 1 {
		return p, audit.Entry{}, false, fmt.Errorf("store: purge audit: read summary: %w", errors.Join(err, ErrNotFound))
	}
	if err := db.commit(tx); err != nil {
		return p, audit.Entry{}, false, fmt.Errorf("store: purge audit: %w", err)
	}
	db.log.Info("audit log purged", "from", p.From, "to", p.To, "count", p.Count, "before", p.Before)
	return p, summary[0], true, nil
}
