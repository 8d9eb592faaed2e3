package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/supervise"
)

// SupervisionHistory returns the recorded supervision events of the given
// tasks, by task.
func (db *DB) SupervisionHistory(ctx context.Context, taskIDs []int64) (map[int64][]supervise.Event, error) {
	out := map[int64][]supervise.Event{}
	if len(taskIDs) == 0 {
		return out, nil
	}
	in := marks(len(taskIDs))
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT key, task_id, kind, level, label, due, period, on_day, deadline, basis, workdays, recorded_at, on_time, answered_at, answer
		FROM supervision_events WHERE task_id IN (`+in+`) ORDER BY on_day, key`), idArgs(taskIDs)...)
	if err != nil {
		return nil, fmt.Errorf("store: supervision history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e supervise.Event
		var kind string
		var due, on, deadline, basis dateValue
		var answered sql.NullTime
		var onTime bool
		if err := rows.Scan(&e.Key, &e.TaskID, &kind, &e.Level, &e.Label, &due, &e.Period, &on, &deadline, &basis,
			&e.Workdays, &e.Recorded, &onTime, &answered, &e.Answer); err != nil {
			return nil, fmt.Errorf("store: supervision history: %w", err)
		}
		e.Kind, e.Answered = supervise.Kind(kind), answered.Valid
		e.Due, _ = parseDay(string(due))
		e.On, _ = parseDay(string(on))
		e.Deadline, _ = parseDay(string(deadline))
		e.Basis, _ = parseDay(string(basis))
		if onTime {
			// recorded_at is the instant of recording; on_time is what was
			// decided on the civil day then, which no time zone can shift.
			e.Recorded = e.On
		}
		out[e.TaskID] = append(out[e.TaskID], e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: supervision history: %w", err)
	}
	rows.Close()
	return out, db.attachMoves(ctx, out)
}

// attachMoves adds to each notice the calendar changes that moved its
// deadline.
func (db *DB) attachMoves(ctx context.Context, byTask map[int64][]supervise.Event) error {
	ids := make([]int64, 0, len(byTask))
	for id := range byTask {
		ids = append(ids, id)
	}
	moves, err := db.DeadlineMoves(ctx, 0, ids...)
	if err != nil || len(moves) == 0 {
		return err
	}
	byKey := map[string][]supervise.DeadlineMove{}
	for _, m := range moves {
		byKey[m.EventKey] = append(byKey[m.EventKey], supervise.DeadlineMove{Change: m.ChangeID, From: m.From, To: m.To, Reason: m.Reason})
	}
	for _, events := range byTask {
		for i := range events {
			events[i].Moves = byKey[events[i].Key]
		}
	}
	return nil
}

// RecordSupervision records events once each — an event whose key is
// already recorded is skipped, which makes a restart or a second instance
// harmless — and, for each event it records, queues its notifications and
// writes the audit log, in one transaction. It returns the events it
// recorded.
func (db *DB) RecordSupervision(ctx context.Context, events []supervise.Event, notes func(supervise.Event) []Notification) ([]supervise.Event, error) {
	return db.recordSupervision(ctx, audit.System, events, notes)
}

// IssueSupervision records one event a person caused (a 督办单 issued by
// hand), with its notifications and the audit entry in their name. An
// event whose key is recorded already is ErrConflict.
func (db *DB) IssueSupervision(ctx context.Context, actor audit.Actor, e supervise.Event, notes func(supervise.Event) []Notification) error {
	recorded, err := db.recordSupervision(ctx, actor, []supervise.Event{e}, notes)
	if err != nil {
		return err
	}
	if len(recorded) == 0 {
		return fmt.Errorf("store: %s is recorded already: %w", e.Key, ErrConflict)
	}
	return nil
}

func (db *DB) recordSupervision(ctx context.Context, actor audit.Actor, events []supervise.Event, notes func(supervise.Event) []Notification) ([]supervise.Event, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: record supervision: %w", err)
	}
	defer tx.Rollback()
	now := db.now()
	var recorded []supervise.Event
	for _, e := range events {
		res, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO supervision_events (key, task_id, kind, level, label, due, period, on_day, deadline, basis, workdays, recorded_at, on_time)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`),
			e.Key, e.TaskID, string(e.Kind), e.Level, e.Label, nullDay(e.Due), e.Period, e.On.Format(dateLayout),
			nullDay(e.Deadline), nullDay(e.Basis), e.Workdays, now, e.OnTime())
		if err != nil {
			return nil, fmt.Errorf("store: record %s: %w", e.Key, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			continue // recorded before, here or by another instance
		}
		for _, nt := range notes(e) {
			if _, err := db.queue(ctx, tx, nt, now); err != nil {
				return nil, err
			}
		}
		if err := db.appendAudit(ctx, tx, actor, "supervise."+string(e.Kind), "task", e.TaskID, nil,
			map[string]any{"key": e.Key, "level": e.Level, "on": e.On.Format(dateLayout), "deadline": nullDay(e.Deadline), "on_time": e.OnTime()}); err != nil {
			return nil, err
		}
		recorded = append(recorded, e)
	}
	return recorded, db.commit(tx)
}

// AnswerSupervision records a unit's 整改反馈 to a 督办单 of the task, with
// its evidence: the notice is answered, which stops its ladder; the answer
// becomes a step of the task's history that the files hang on; and the
// audit entry is written — in one transaction. Only a notice (a step with
// a 限期整改 deadline) can be answered, and only once: an answered notice
// is ErrConflict.
func (db *DB) AnswerSupervision(ctx context.Context, actor audit.Actor, taskID int64, key, text string, atts []Attachment) error {
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("store: answer %s: empty text: %w", key, ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: answer %s: %w", key, err)
	}
	defer tx.Rollback()
	var deadline dateValue
	var answered sql.NullTime
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT deadline, answered_at FROM supervision_events WHERE key = ? AND task_id = ?`),
		key, taskID).Scan(&deadline, &answered)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && deadline == "") {
		return fmt.Errorf("store: task %d has no notice %s: %w", taskID, key, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: answer %s: %w", key, err)
	}
	if answered.Valid {
		return fmt.Errorf("store: notice %s was answered already: %w", key, ErrConflict)
	}
	step, err := db.addEventID(ctx, tx, actor, taskID, EventAnswer, stepSummary(EventAnswer, text), 0)
	if err != nil {
		return err
	}
	if err := db.addAttachments(ctx, tx, "answer", step, atts); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE supervision_events SET answered_at = ?, answer = ?, answer_event = ? WHERE key = ?`),
		db.now(), text, step, key); err != nil {
		return fmt.Errorf("store: answer %s: %w", key, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "supervise.answer", "task", taskID, nil,
		map[string]any{"key": key, "answer": text, "attachments": len(atts)}); err != nil {
		return err
	}
	return db.commit(tx)
}

// AnswerEvidence returns the files each answered notice of the task came
// with, by the notice's key.
func (db *DB) AnswerEvidence(ctx context.Context, taskID int64) (map[string][]Attachment, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT e.key, a.id, a.filename, a.content_type, a.size, a.sha256, a.created_at
		FROM supervision_events e JOIN attachments a ON a.owner_type = 'answer' AND a.owner_id = e.answer_event
		WHERE e.task_id = ? ORDER BY a.id`), taskID)
	if err != nil {
		return nil, fmt.Errorf("store: answer evidence: %w", err)
	}
	defer rows.Close()
	out := map[string][]Attachment{}
	for rows.Next() {
		var key string
		var a Attachment
		if err := rows.Scan(&key, &a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: answer evidence: %w", err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		out[key] = append(out[key], a)
	}
	return out, rows.Err()
}
