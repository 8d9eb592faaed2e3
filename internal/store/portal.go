package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/workday"
)

// PublishPlan puts a confirmed plan on the public portal, or takes it
// off, with the audit entry. A draft plan cannot be published
// (ErrState); a plan already in the asked state is left as it is, its
// first publication date kept.
func (db *DB) PublishPlan(ctx context.Context, actor audit.Actor, id int64, publish bool) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: publish plan %d: %w", id, err)
	}
	defer tx.Rollback()
	var status string
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT status FROM plans WHERE id = ?`), id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: publish plan %d: %w", id, err)
	}
	if status == "draft" {
		return fmt.Errorf("store: plan %d is a draft under review: %w", id, ErrState)
	}
	q, args, action := `UPDATE plans SET published_at = ? WHERE id = ? AND published_at IS NULL`, []any{db.now(), id}, "plan.publish"
	if !publish {
		q, args, action = `UPDATE plans SET published_at = NULL WHERE id = ? AND published_at IS NOT NULL`, []any{id}, "plan.unpublish"
	}
	res, err := tx.ExecContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return fmt.Errorf("store: publish plan %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil // already so
	}
	if err := db.appendAudit(ctx, tx, actor, action, "plan", id, nil, nil); err != nil {
		return err
	}
	return db.commit(tx)
}

// ClosedDays are, for the closed tasks of a plan, the day (in China) of
// the 销号 application the office accepted: the day the work was done.
func (db *DB) ClosedDays(ctx context.Context, planID int64) (map[int64]time.Time, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT c.task_id, c.created_at FROM close_requests c JOIN tasks t ON t.id = c.task_id
		WHERE c.decision = 'closed' AND t.plan_id = ?`), planID)
	if err != nil {
		return nil, fmt.Errorf("store: closed days: %w", err)
	}
	defer rows.Close()
	out := map[int64]time.Time{}
	for rows.Next() {
		var task int64
		var at time.Time
		if err := rows.Scan(&task, &at); err != nil {
			return nil, fmt.Errorf("store: closed days: %w", err)
		}
		y, m, d := at.In(workday.Zone).Date()
		out[task] = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return out, rows.Err()
}
