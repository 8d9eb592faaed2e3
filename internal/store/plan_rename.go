package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
)

// RenamePlan gives a plan, draft or confirmed, a new title, with its
// audit entry (plan.rename, the title before and after) in the same
// transaction. A confirmed plan's other fields stay as registered; only
// the name people know it by may be corrected.
func (db *DB) RenamePlan(ctx context.Context, actor audit.Actor, id int64, title string) error {
	title = strings.TrimSpace(title)
	if title == "" {
		return fmt.Errorf("store: rename plan: empty title: %w", ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: rename plan: %w", err)
	}
	defer tx.Rollback()
	before, err := db.planFields(ctx, tx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: rename plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return err
	}
	if before["title"] == title {
		return nil // nothing changes, nothing to record
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE plans SET title = ? WHERE id = ?`), title, id); err != nil {
		return fmt.Errorf("store: rename plan %d: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "plan.rename", "plan", id,
		map[string]any{"title": before["title"]}, map[string]any{"title": title}); err != nil {
		return err
	}
	return db.commit(tx)
}
