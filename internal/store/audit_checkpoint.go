package store

import (
	"context"
	"crypto/ed25519"
	"fmt"

	"github.com/duban/duban/internal/audit"
)

// AuditHead returns the chain's head as the database records it: the
// number of the last entry and its hash. Checkpoints write it outside the
// database.
func (db *DB) AuditHead(ctx context.Context) (audit.Head, error) {
	var h audit.Head
	if err := db.read.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&h.Seq, &h.Hash); err != nil {
		return h, fmt.Errorf("store: audit head: %w", err)
	}
	return h, nil
}

// auditChain reads the head and every entry in order, in one snapshot.
func (db *DB) auditChain(ctx context.Context) ([]audit.Entry, audit.Head, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, audit.Head{}, fmt.Errorf("store: read audit chain: %w", err)
	}
	defer tx.Rollback()
	var head audit.Head
	if err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&head.Seq, &head.Hash); err != nil {
		return nil, head, fmt.Errorf("store: read audit chain: head: %w", err)
	}
	rows, err := tx.QueryContext(ctx, auditColumns+` ORDER BY seq`)
	if err != nil {
		return nil, head, fmt.Errorf("store: read audit chain: %w", err)
	}
	all, err := scanAudit(rows)
	return all, head, err
}

// VerifyAuditCheckpoints checks the chain as VerifyAudit does and, beyond
// that, against checkpoints written outside the database (see
// audit.VerifyCheckpoints): it catches a tail cut off with the head row
// moved back, and a chain re-hashed from some entry on. With a public key
// (nil for none) it also checks every line's signature and every purge
// summary's, in the file and in the chain.
func (db *DB) VerifyAuditCheckpoints(ctx context.Context, cps []audit.Checkpoint, pub ed25519.PublicKey) (entries int, problems []audit.Problem, err error) {
	all, head, err := db.auditChain(ctx)
	if err != nil {
		return 0, nil, err
	}
	problems = append(db.chain.Verify(all, head), audit.VerifyCheckpoints(all, cps)...)
	if pub != nil {
		problems = append(problems, audit.VerifySignatures(cps, pub)...)
		problems = append(problems, audit.VerifyPurgeSignatures(all, pub)...)
	}
	return len(all), problems, nil
}
