package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/duban/duban/internal/ledger"
)

// refreshPlanDates recomputes the derived dates of every task of a plan.
func (db *DB) refreshPlanDates(ctx context.Context, tx *sql.Tx, planID int64) error {
	return db.refreshDates(ctx, tx, ofPlan(planID))
}

// refreshDates recomputes, for the scope's tasks, the final deadline (due),
// the next open checkpoint (next_due) and the reporting cadence (every)
// from their deadlines and milestones, so that lists filter by them in SQL.
func (db *DB) refreshDates(ctx context.Context, tx *sql.Tx, scope childScope) error {
	type facts struct {
		dues   []time.Time
		checks []ledger.Checkpoint
		every  string
	}
	byTask := map[int64]*facts{}
	get := func(id int64) *facts {
		if byTask[id] == nil {
			byTask[id] = &facts{}
		}
		return byTask[id]
	}
	err := db.eachChild(ctx, tx, scope, "task_deadlines", "c.due, c.every", func(rows *sql.Rows) error {
		var id int64
		var due dateValue
		var every sql.NullString
		if err := rows.Scan(&id, &due, &every); err != nil {
			return err
		}
		f := get(id)
		if d, ok := parseDay(string(due)); ok {
			f.dues = append(f.dues, d)
		}
		if every.Valid && f.every == "" {
			f.every = every.String
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = db.eachChild(ctx, tx, scope, "task_milestones", "c.due, c.done_at", func(rows *sql.Rows) error {
		var id int64
		var due dateValue
		var done sql.NullTime
		if err := rows.Scan(&id, &due, &done); err != nil {
			return err
		}
		if d, ok := parseDay(string(due)); ok {
			f := get(id)
			f.dues = append(f.dues, d)
			f.checks = append(f.checks, ledger.Checkpoint{Due: d, Done: done.Valid})
		}
		return nil
	})
	if err != nil {
		return err
	}
	ids, err := db.scopeTaskIDs(ctx, tx, scope)
	if err != nil {
		return err
	}
	rows := make([][]any, 0, len(ids))
	for _, id := range ids {
		f := get(id)
		final := ledger.FinalDue(f.dues)
		next := ledger.NextDue(f.checks, final)
		rows = append(rows, []any{id, nullDay(final), nullDay(next), nullString(f.every)})
	}
	return db.updateTaskDates(ctx, tx, rows)
}

// scopeTaskIDs lists the ids of the scope's tasks.
func (db *DB) scopeTaskIDs(ctx context.Context, tx *sql.Tx, scope childScope) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT t.id FROM tasks t WHERE `+scope.taskWhere), scope.args...)
	if err != nil {
		return nil, fmt.Errorf("store: task ids: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func parseDay(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	d, err := time.Parse(dateLayout, s)
	return d, err == nil
}

func nullDay(d time.Time) any {
	if d.IsZero() {
		return nil
	}
	return d.Format(dateLayout)
}
