package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
)

func (db *DB) addEvent(ctx context.Context, tx *sql.Tx, actor audit.Actor, taskID int64, kind, summary string, ref int64) error {
	_, err := db.addEventID(ctx, tx, actor, taskID, kind, summary, ref)
	return err
}

// addEventID adds a step to the task's history and returns its number,
// for a step that files hang on (a 整改反馈's evidence).
func (db *DB) addEventID(ctx context.Context, tx *sql.Tx, actor audit.Actor, taskID int64, kind, summary string, ref int64) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO task_events (task_id, at, actor_id, actor, kind, summary, ref_id) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		taskID, db.now(), actor.ID, actor.Username, kind, summary, nullID(ref)).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: task %d event: %w", taskID, err)
	}
	return id, nil
}

// FindTaskEvents returns a task's history, oldest first.
func (db *DB) FindTaskEvents(ctx context.Context, taskID int64) ([]TaskEvent, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, task_id, at, actor_id, actor, kind, summary, ref_id FROM task_events WHERE task_id = ? ORDER BY id`), taskID)
	if err != nil {
		return nil, fmt.Errorf("store: task events: %w", err)
	}
	defer rows.Close()
	out := []TaskEvent{}
	for rows.Next() {
		var e TaskEvent
		var ref sql.NullInt64
		if err := rows.Scan(&e.ID, &e.TaskID, &e.At, &e.ActorID, &e.Actor, &e.Kind, &e.Summary, &ref); err != nil {
			return nil, fmt.Errorf("store: task events: %w", err)
		}
		e.At, e.RefID = e.At.UTC(), ref.Int64
		out = append(out, e)
	}
	return out, rows.Err()
}

// registerTasks moves a plan's draft tasks into the ledger (挂号): their
// units see them from now on.
func (db *DB) registerTasks(ctx context.Context, tx *sql.Tx, actor audit.Actor, planID int64) error {
	now := db.now()
	ids, err := db.scopeTaskIDs(ctx, tx, ofPlan(planID))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE tasks SET status = 'registered', registered_at = ? WHERE plan_id = ? AND status IN ('draft', 'registered')`),
		now, planID); err != nil {
		return fmt.Errorf("store: register tasks: %w", err)
	}
	return db.addRegisteredSteps(ctx, tx, actor, ids, now)
}

// addRegisteredSteps adds the 挂号 step to each task's history, in
// multi-row inserts: a plan has hundreds of tasks.
func (db *DB) addRegisteredSteps(ctx context.Context, tx *sql.Tx, actor audit.Actor, ids []int64, now time.Time) error {
	rows := make([][]any, len(ids))
	summary := stepSummary(EventRegistered, "")
	for i, id := range ids {
		rows[i] = []any{id, now, actor.ID, actor.Username, EventRegistered, summary, nil}
	}
	if err := db.insertBatch(ctx, tx, "task_events", []string{"task_id", "at", "actor_id", "actor", "kind", "summary", "ref_id"}, rows, "", nil); err != nil {
		return fmt.Errorf("store: register tasks: %w", err)
	}
	return nil
}

// ConfirmPlan ends a plan's review: the plan is confirmed and its tasks
// are registered (挂号) in one transaction. check, when not nil, is given
// the draft's tasks as this transaction reads them and may refuse (its
// error is returned as it is), so that what it checked is what is
// registered.
func (db *DB) ConfirmPlan(ctx context.Context, actor audit.Actor, planID int64, check func(tasks []Task) error) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: confirm plan: %w", err)
	}
	defer tx.Rollback()
	if check != nil {
		if err := db.draftPlan(ctx, tx, planID); err != nil {
			return err
		}
		tasks, err := db.findTasks(ctx, tx, planID)
		if err != nil {
			return err
		}
		if err := check(tasks); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE plans SET status = 'confirmed', confirmed_at = ? WHERE id = ? AND status = 'draft'`),
		db.now(), planID)
	if err != nil {
		return fmt.Errorf("store: confirm plan: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var status string
		err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT status FROM plans WHERE id = ?`), planID).Scan(&status)
		if err != nil {
			return fmt.Errorf("store: plan %d: %w", planID, ErrNotFound)
		}
		return fmt.Errorf("store: plan %d is %s, not a draft: %w", planID, status, ErrConflict)
	}
	if err := db.registerTasks(ctx, tx, actor, planID); err != nil {
		return err
	}
	if err := db.appendAudit(ctx, tx, actor, "plan.confirm", "plan", planID, map[string]string{"status": "draft"},
		map[string]string{"status": "confirmed"}); err != nil {
		return err
	}
	return db.commit(tx)
}
