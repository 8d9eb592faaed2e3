package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// TakeOverTask records that the account userID (actor) takes over the
// supervision of task taskID (提级督办), with its audit entry; a task
// taken over already is ErrConflict.
func (db *DB) TakeOverTask(ctx context.Context, actor audit.Actor, taskID, userID int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: take over task: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO task_takeovers (task_id, user_id, actor, at) VALUES (?, ?, ?, ?)`),
		taskID, userID, actor.Username, db.now()); err != nil {
		return fmt.Errorf("store: take over task %d: %w", taskID, conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "task.takeover", "task", taskID, nil, map[string]any{"user_id": userID}); err != nil {
		return err
	}
	return db.commit(tx)
}

// FindTakeover returns task taskID's 提级督办, or ErrNotFound when the
// task was not taken over.
func (db *DB) FindTakeover(ctx context.Context, taskID int64) (*records.Takeover, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find takeover: %w", err)
	}
	defer tx.Rollback()
	tk := &records.Takeover{TaskID: taskID}
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT k.user_id, u.username, u.display_name, k.at
		FROM task_takeovers k JOIN users u ON u.id = k.user_id WHERE k.task_id = ?`), taskID).
		Scan(&tk.UserID, &tk.Username, &tk.DisplayName, &tk.At)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: takeover of task %d: %w", taskID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: find takeover: %w", err)
	}
	if tk.Units, err = db.userUnits(ctx, tx, tk.UserID); err != nil {
		return nil, err
	}
	return tk, nil
}
