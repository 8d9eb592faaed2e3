package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/supervise"
)

// SupervisionRules returns the rule book: base (duban's built-in rules, or
// the deployment's) unless the office stored a default, and each plan's
// own rules.
func (db *DB) SupervisionRules(ctx context.Context, base supervise.Rules) (supervise.Book, []StoredRules, error) {
	book := supervise.Book{Default: base, Plans: map[int64]supervise.Rules{}}
	rows, err := db.read.QueryContext(ctx, `SELECT plan_id, rules, updated_by, updated_at FROM supervision_rules ORDER BY plan_id`)
	if err != nil {
		return book, nil, fmt.Errorf("store: supervision rules: %w", err)
	}
	defer rows.Close()
	var stored []StoredRules
	for rows.Next() {
		var s StoredRules
		var text string
		if err := rows.Scan(&s.PlanID, &text, &s.UpdatedBy, &s.UpdatedAt); err != nil {
			return book, nil, fmt.Errorf("store: supervision rules: %w", err)
		}
		if err := json.Unmarshal([]byte(text), &s.Rules); err != nil {
			return book, nil, fmt.Errorf("store: supervision rules of plan %d: %w", s.PlanID, err)
		}
		if s.PlanID == 0 {
			book.Default = s.Rules
		} else {
			book.Plans[s.PlanID] = s.Rules
		}
		stored = append(stored, s)
	}
	return book, stored, rows.Err()
}

// SetSupervisionRules stores the default rules (planID 0) or a plan's,
// after checking them, with the audit entry naming what changed. Rules
// that do not validate are ErrInvalid with every problem listed.
func (db *DB) SetSupervisionRules(ctx context.Context, actor audit.Actor, planID int64, r supervise.Rules) error {
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%w: %w", err, ErrInvalid)
	}
	text, err := json.Marshal(r)
	if err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: set supervision rules: %w", err)
	}
	defer tx.Rollback()
	if planID != 0 {
		var one int
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT 1 FROM plans WHERE id = ?`), planID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: plan %d: %w", planID, ErrNotFound)
		} else if err != nil {
			return fmt.Errorf("store: set supervision rules: %w", err)
		}
	}
	before, err := rulesIn(ctx, db, tx, planID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO supervision_rules (plan_id, rules, updated_by, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (plan_id) DO UPDATE SET rules = excluded.rules, updated_by = excluded.updated_by, updated_at = excluded.updated_at`),
		planID, string(text), actor.Username, db.now()); err != nil {
		return fmt.Errorf("store: set supervision rules: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "supervise.rules", "plan", planID, before, r); err != nil {
		return err
	}
	return db.commit(tx)
}

// ClearSupervisionRules removes a plan's own rules (or the stored
// default), so that it follows the default (or the built-in rules) again.
func (db *DB) ClearSupervisionRules(ctx context.Context, actor audit.Actor, planID int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: clear supervision rules: %w", err)
	}
	defer tx.Rollback()
	before, err := rulesIn(ctx, db, tx, planID)
	if err != nil {
		return err
	}
	if before == nil {
		return fmt.Errorf("store: plan %d has no rules of its own: %w", planID, ErrNotFound)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM supervision_rules WHERE plan_id = ?`), planID); err != nil {
		return fmt.Errorf("store: clear supervision rules: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "supervise.rules_cleared", "plan", planID, before, nil); err != nil {
		return err
	}
	return db.commit(tx)
}

// rulesIn reads the stored rules of planID inside tx; nil when none.
func rulesIn(ctx context.Context, db *DB, tx *sql.Tx, planID int64) (*supervise.Rules, error) {
	var text string
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT rules FROM supervision_rules WHERE plan_id = ?`), planID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: supervision rules: %w", err)
	}
	var r supervise.Rules
	if err := json.Unmarshal([]byte(text), &r); err != nil {
		return nil, fmt.Errorf("store: supervision rules of plan %d: %w", planID, err)
	}
	return &r, nil
}
