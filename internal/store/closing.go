package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
)

// RequestClose records a unit's application for 销号 with its evidence;
// the task waits for verification (待核验).
func (db *DB) RequestClose(ctx context.Context, actor audit.Actor, taskID, unitID int64, text string, atts []Attachment) (int64, error) {
	if text == "" {
		return 0, fmt.Errorf("store: close request: empty text: %w", ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: close request: %w", err)
	}
	defer tx.Rollback()
	status, err := db.taskStatus(ctx, tx, taskID)
	if err != nil {
		return 0, err
	}
	if status != "registered" && status != "in_progress" {
		return 0, fmt.Errorf("store: close request on a %s task: %w", status, ErrState)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO close_requests (task_id, unit_id, requester_id, text, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		taskID, nullID(unitID), actor.ID, text, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: close request: %w", err)
	}
	if err := db.addAttachments(ctx, tx, "close", id, atts); err != nil {
		return 0, err
	}
	if err := db.setStatus(ctx, tx, taskID, "pending"); err != nil {
		return 0, err
	}
	if err := db.addEvent(ctx, tx, actor, taskID, EventCloseRequest, stepSummary(EventCloseRequest, text), id); err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.close_request", "task", taskID, map[string]string{"status": status},
		map[string]any{"status": "pending", "request": id, "attachments": len(atts)}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// DecideClose settles the open 销号 application of a task: close it
// (已销号, read-only from now on) or return it with a reason, after which
// the unit goes on reporting.
func (db *DB) DecideClose(ctx context.Context, actor audit.Actor, taskID int64, close bool, reason string) error {
	if !close && reason == "" {
		return fmt.Errorf("store: returning a close request needs a reason: %w", ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: decide close: %w", err)
	}
	defer tx.Rollback()
	status, err := db.taskStatus(ctx, tx, taskID)
	if err != nil {
		return err
	}
	var reqID int64
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT id FROM close_requests WHERE task_id = ? AND decision IS NULL ORDER BY id DESC LIMIT 1`), taskID).Scan(&reqID)
	if errors.Is(err, sql.ErrNoRows) || status != "pending" {
		return fmt.Errorf("store: task %d has no open close request: %w", taskID, ErrState)
	}
	if err != nil {
		return fmt.Errorf("store: decide close: %w", err)
	}
	decision, next, kind, summary := "closed", "closed", EventClosed, stepSummary(EventClosed, "")
	if !close {
		decision, next, kind, summary = "returned", "in_progress", EventReturned, stepSummary(EventReturned, reason)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE close_requests SET decision = ?, decider_id = ?, reason = ?, decided_at = ? WHERE id = ?`),
		decision, actor.ID, reason, db.now(), reqID); err != nil {
		return fmt.Errorf("store: decide close: %w", err)
	}
	if err := db.setStatus(ctx, tx, taskID, next); err != nil {
		return err
	}
	if err := db.addEvent(ctx, tx, actor, taskID, kind, summary, reqID); err != nil {
		return err
	}
	if err := db.appendAudit(ctx, tx, actor, "task."+decision, "task", taskID, map[string]string{"status": "pending"},
		map[string]any{"status": next, "request": reqID, "reason": reason}); err != nil {
		return err
	}
	return db.commit(tx)
}

func (db *DB) setStatus(ctx context.Context, tx *sql.Tx, taskID int64, status string) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET status = ? WHERE id = ?`), status, taskID); err != nil {
		return fmt.Errorf("store: task %d status: %w", taskID, err)
	}
	// A part closed (or returned) moves its parent's roll-up.
	return db.rollUpAround(ctx, tx, taskID)
}
