package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
)

// ErrState is returned, wrapped, when a step does not fit where the task
// stands (a 销号 decision without an application, a draft task's report).
var ErrState = fault.ErrState

// AddProgress records a progress report on a registered task: the task
// moves to 推进中, its percent and milestones follow the report, and its
// next checkpoint is recomputed — in one transaction with the report, its
// attachments, the task's history and the audit log.
func (db *DB) AddProgress(ctx context.Context, actor audit.Actor, taskID int64, in ProgressInput) (int64, error) {
	ids, err := db.AddProgressBatch(ctx, actor, []ProgressItem{{TaskID: taskID, ProgressInput: in}})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// AddProgressBatch records several reports — a sheet of progress updates —
// all or nothing: one transaction, and on the first failure nothing is
// stored and an *ItemError names the item.
func (db *DB) AddProgressBatch(ctx context.Context, actor audit.Actor, items []ProgressItem) ([]int64, error) {
	for i, it := range items {
		if it.Text == "" {
			return nil, &ItemError{Index: i, Err: fmt.Errorf("store: progress: empty text: %w", ErrInvalid)}
		}
		if it.Percent != nil && (*it.Percent < 0 || *it.Percent > 100) {
			return nil, &ItemError{Index: i, Err: fmt.Errorf("store: progress: percent %v: %w", *it.Percent, ErrInvalid)}
		}
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: progress: %w", err)
	}
	defer tx.Rollback()
	ids := make([]int64, len(items))
	for i, it := range items {
		if ids[i], err = db.addProgress(ctx, tx, actor, it.TaskID, it.ProgressInput); err != nil {
			return nil, &ItemError{Index: i, Err: err}
		}
	}
	return ids, db.commit(tx)
}

func (db *DB) addProgress(ctx context.Context, tx *sql.Tx, actor audit.Actor, taskID int64, in ProgressInput) (int64, error) {
	target, err := db.findReportTarget(ctx, tx, taskID)
	if err != nil {
		return 0, err
	}
	if target.status == "draft" || target.status == "pending" {
		return 0, fmt.Errorf("store: progress on a %s task: %w", target.status, ErrState)
	}
	// A split task's percent is its parts' (rollUp): a percent reported
	// on it is not kept, so that its history never contradicts it.
	if target.split {
		in.Percent = nil
	}
	now := db.now()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO progress_reports (task_id, unit_id, author_id, period, text, problems, next_steps, percent, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		taskID, nullID(in.UnitID), actor.ID, in.Period, in.Text, in.Problems, in.NextSteps, in.Percent, now).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: progress: %w", err)
	}
	for seq, v := range in.Targets {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO progress_targets (report_id, target_seq, value) VALUES (?, ?, ?)`), id, seq, v); err != nil {
			return 0, fmt.Errorf("store: progress target: %w", err)
		}
	}
	for _, seq := range in.MilestonesDone {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE task_milestones SET done_at = ? WHERE task_id = ? AND seq = ? AND done_at IS NULL`),
			now, taskID, seq); err != nil {
			return 0, fmt.Errorf("store: milestone done: %w", err)
		}
	}
	if err := db.addAttachments(ctx, tx, "report", id, in.Attachments); err != nil {
		return 0, err
	}
	// The milestones done are in: the dates follow them, set with the
	// state in one statement (progress_trips.go).
	final, next, every, err := db.taskDates(ctx, tx, taskID)
	if err != nil {
		return 0, err
	}
	if err := db.indexTaskSearch(ctx, tx, ofTasks([]int64{taskID})); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE tasks SET status = 'in_progress', last_report_at = ?, percent = COALESCE(?, percent),
		due = ?, next_due = ?, every = ? WHERE id = ?`),
		now, in.Percent, nullDay(final), nullDay(next), nullString(every), taskID); err != nil {
		return 0, fmt.Errorf("store: progress: %w", err)
	}
	// The roll-up of a split task or of the parent of a part (a task
	// neither keeps its own percent).
	switch {
	case target.parent.Valid:
		err = db.rollUp(ctx, tx, target.parent.Int64)
	case target.split:
		err = db.rollUp(ctx, tx, taskID)
	}
	if err != nil {
		return 0, err
	}
	if err := db.addEvent(ctx, tx, actor, taskID, EventProgress, summarize(in.Text), id); err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.progress", "task", taskID, nil,
		map[string]any{"report": id, "period": in.Period, "percent": in.Percent, "attachments": len(in.Attachments),
			"problems": in.Problems != "", "next_steps": in.NextSteps != ""}); err != nil {
		return 0, err
	}
	return id, nil
}

// taskStatus reads a task's workflow state, refusing closed and revoked
// tasks.
func (db *DB) taskStatus(ctx context.Context, tx *sql.Tx, taskID int64) (string, error) {
	var status string
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT status FROM tasks WHERE id = ?`), taskID).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: task %d: %w", taskID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("store: task %d: %w", taskID, err)
	}
	if status == "closed" {
		return "", fmt.Errorf("store: task %d: %w", taskID, ErrClosed)
	}
	if status == "revoked" {
		return "", fmt.Errorf("store: task %d: %w", taskID, ErrRevoked)
	}
	return status, nil
}

func (db *DB) addAttachments(ctx context.Context, tx *sql.Tx, ownerType string, ownerID int64, atts []Attachment) error {
	for _, a := range atts {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO attachments (owner_type, owner_id, filename, content_type, size, sha256, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`), ownerType, ownerID, a.Filename, a.ContentType, a.Size, a.SHA256, db.now()); err != nil {
			return fmt.Errorf("store: attachment %s: %w", a.Filename, err)
		}
	}
	return nil
}

// summarize shortens a text for the task's history line.
// stepSummary is a step's line in the task's history as the record keeps
// it (task_events.summary): the catalogue's words for the step
// (task.summary.*) in zh-CN, with what the person wrote cut short. The
// pages name a step by its kind, in the reader's language.
func stepSummary(kind, text string) string {
	return i18n.Lookup(i18n.ZhCN, "task.summary."+kind, "text", summarize(text))
}

func summarize(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
