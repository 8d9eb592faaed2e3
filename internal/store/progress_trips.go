package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/ledger"
)

// A progress report is the write a ledger sees most (every unit, every
// period), and on PostgreSQL each statement is a round trip made while
// holding the writer lock. These helpers let addProgress read what it
// needs of the task in one query and set the task's state and dates in
// one UPDATE.

// reportTarget is what a report needs to know of its task: its status,
// its parent (a part of a split task) and whether it is split itself.
type reportTarget struct {
	status string
	parent sql.NullInt64
	split  bool
}

// findReportTarget reads the task a report is on, refusing closed and
// revoked tasks as taskStatus does.
func (db *DB) findReportTarget(ctx context.Context, tx *sql.Tx, taskID int64) (reportTarget, error) {
	var r reportTarget
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT t.status, t.parent_id, EXISTS (SELECT 1 FROM tasks c WHERE c.parent_id = t.id) FROM tasks t WHERE t.id = ?`), taskID).
		Scan(&r.status, &r.parent, &r.split)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return r, fmt.Errorf("store: task %d: %w", taskID, ErrNotFound)
	case err != nil:
		return r, fmt.Errorf("store: task %d: %w", taskID, err)
	case r.status == "closed":
		return r, fmt.Errorf("store: task %d: %w", taskID, ErrClosed)
	case r.status == "revoked":
		return r, fmt.Errorf("store: task %d: %w", taskID, ErrRevoked)
	}
	return r, nil
}

// taskDates computes one task's final deadline, next open checkpoint and
// reporting cadence as refreshDates does, from its deadlines and
// milestones read in one query.
func (db *DB) taskDates(ctx context.Context, tx *sql.Tx, taskID int64) (final, next time.Time, every string, err error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT 0, seq, due, every, 0 FROM task_deadlines WHERE task_id = ?
		UNION ALL
		SELECT 1, seq, due, NULL, CASE WHEN done_at IS NULL THEN 0 ELSE 1 END FROM task_milestones WHERE task_id = ?
		ORDER BY 1, 2`), taskID, taskID)
	if err != nil {
		return final, next, "", fmt.Errorf("store: task %d dates: %w", taskID, err)
	}
	defer rows.Close()
	var dues []time.Time
	var checks []ledger.Checkpoint
	for rows.Next() {
		var milestone, seq, done int
		var due dateValue
		var cadence sql.NullString
		if err := rows.Scan(&milestone, &seq, &due, &cadence, &done); err != nil {
			return final, next, "", fmt.Errorf("store: task %d dates: %w", taskID, err)
		}
		d, ok := parseDay(string(due))
		if ok {
			dues = append(dues, d)
		}
		switch {
		case milestone == 0 && cadence.Valid && every == "":
			every = cadence.String
		case milestone == 1 && ok:
			checks = append(checks, ledger.Checkpoint{Due: d, Done: done == 1})
		}
	}
	if err := rows.Err(); err != nil {
		return final, next, "", fmt.Errorf("store: task %d dates: %w", taskID, err)
	}
	final = ledger.FinalDue(dues)
	return final, ledger.NextDue(checks, final), every, nil
}
