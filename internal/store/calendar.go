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

// CalendarDays returns the stored days of both layers.
func (db *DB) CalendarDays(ctx context.Context) (CalendarLayers, error) {
	var out CalendarLayers
	rows, err := db.read.QueryContext(ctx, `SELECT scope, day, off, name, notice_year FROM calendar_days ORDER BY scope, day`)
	if err != nil {
		return out, fmt.Errorf("store: calendar days: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var scope string
		var day dateValue
		var d workday.Day
		if err := rows.Scan(&scope, &day, &d.Off, &d.Name, &d.NoticeYear); err != nil {
			return out, fmt.Errorf("store: calendar days: %w", err)
		}
		d.Date, _ = parseDay(string(day))
		if scope == ScopeLocal {
			out.Local = append(out.Local, d)
		} else {
			out.National = append(out.National, d)
		}
	}
	return out, rows.Err()
}

// CalendarVersion is the number of the latest calendar change (0 for
// none), so that an instance notices another one's change and reloads.
func (db *DB) CalendarVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := db.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM calendar_changes`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: calendar version: %w", err)
	}
	return v, nil
}

// ChangeCalendar stores days in scope and moves every running deadline —
// an unanswered notice, on a task not closed, due today or later — to
// where reschedule puts it, recording each move; the change, its days, the
// moves and the audit entry are one transaction. It returns the change as
// logged and the deadlines it moved.
func (db *DB) ChangeCalendar(ctx context.Context, actor audit.Actor, scope, source, reason string, days []workday.Day,
	today time.Time, reschedule Reschedule) (CalendarChange, []DeadlineMove, error) {
	ch := CalendarChange{Scope: scope, Source: source, Reason: reason, Days: len(days), Actor: actor.Username, At: db.now()}
	if scope != ScopeNational && scope != ScopeLocal {
		return ch, nil, fmt.Errorf("store: calendar scope %q: want national or local: %w", scope, ErrInvalid)
	}
	if len(days) == 0 {
		return ch, nil, fmt.Errorf("store: calendar change %s: no days: %w", source, ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return ch, nil, fmt.Errorf("store: calendar change: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO calendar_changes (scope, source, reason, days, moved, actor_id, actor_name, created_at)
		VALUES (?, ?, ?, ?, 0, ?, ?, ?) RETURNING id`),
		scope, source, reason, len(days), nullID(actor.ID), actor.Username, ch.At).Scan(&ch.ID); err != nil {
		return ch, nil, fmt.Errorf("store: calendar change: %w", err)
	}
	for _, d := range days {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO calendar_days (scope, day, off, name, notice_year, change_id) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (scope, day) DO UPDATE SET off = excluded.off, name = excluded.name,
				notice_year = excluded.notice_year, change_id = excluded.change_id`),
			scope, d.Date.Format(dateLayout), d.Off, d.Name, d.NoticeYear, ch.ID); err != nil {
			return ch, nil, fmt.Errorf("store: calendar day %s: %w", d.Date.Format(dateLayout), err)
		}
	}
	moves, err := db.moveDeadlines(ctx, tx, ch, today, reschedule)
	if err != nil {
		return ch, nil, err
	}
	ch.Moved = len(moves)
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE calendar_changes SET moved = ? WHERE id = ?`), ch.Moved, ch.ID); err != nil {
		return ch, nil, fmt.Errorf("store: calendar change: %w", err)
	}
	moved := make([]map[string]string, 0, len(moves))
	for _, m := range moves {
		moved = append(moved, map[string]string{"key": m.EventKey, "from": m.From.Format(dateLayout), "to": m.To.Format(dateLayout)})
	}
	if err := db.appendAudit(ctx, tx, actor, "calendar.change", "calendar_change", ch.ID, nil,
		map[string]any{"scope": scope, "source": source, "reason": reason, "days": len(days), "moved": moved}); err != nil {
		return ch, nil, err
	}
	return ch, moves, db.commit(tx)
}

// moveDeadlines reschedules the running deadlines inside tx.
func (db *DB) moveDeadlines(ctx context.Context, tx *sql.Tx, ch CalendarChange, today time.Time, reschedule Reschedule) ([]DeadlineMove, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT e.key, e.task_id, t.title, e.label, e.on_day, e.deadline
		FROM supervision_events e JOIN tasks t ON t.id = e.task_id
		WHERE e.deadline IS NOT NULL AND e.deadline >= ? AND e.answered_at IS NULL AND t.status NOT IN ('closed', 'revoked')
		ORDER BY e.deadline, e.key`), today.Format(dateLayout))
	if err != nil {
		return nil, fmt.Errorf("store: running deadlines: %w", err)
	}
	var moves []DeadlineMove
	for rows.Next() {
		m := DeadlineMove{ChangeID: ch.ID, Reason: ch.Reason}
		var on, deadline dateValue
		if err := rows.Scan(&m.EventKey, &m.TaskID, &m.TaskTitle, &m.Label, &on, &deadline); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: running deadlines: %w", err)
		}
		m.On, _ = parseDay(string(on))
		m.From, _ = parseDay(string(deadline))
		if m.To = reschedule(m.On, m.From); !m.To.Equal(m.From) {
			moves = append(moves, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: running deadlines: %w", err)
	}
	for _, m := range moves {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE supervision_events SET deadline = ? WHERE key = ?`),
			m.To.Format(dateLayout), m.EventKey); err != nil {
			return nil, fmt.Errorf("store: move deadline %s: %w", m.EventKey, err)
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO deadline_moves (event_key, change_id, old_deadline, new_deadline) VALUES (?, ?, ?, ?)`),
			m.EventKey, ch.ID, m.From.Format(dateLayout), m.To.Format(dateLayout)); err != nil {
			return nil, fmt.Errorf("store: move deadline %s: %w", m.EventKey, err)
		}
	}
	return moves, nil
}

// CalendarChanges returns the latest calendar changes, newest first.
func (db *DB) CalendarChanges(ctx context.Context, limit int) ([]CalendarChange, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, scope, source, reason, days, moved, actor_name, created_at
		FROM calendar_changes ORDER BY id DESC LIMIT ?`), limit)
	if err != nil {
		return nil, fmt.Errorf("store: calendar changes: %w", err)
	}
	defer rows.Close()
	out := []CalendarChange{}
	for rows.Next() {
		var c CalendarChange
		if err := rows.Scan(&c.ID, &c.Scope, &c.Source, &c.Reason, &c.Days, &c.Moved, &c.Actor, &c.At); err != nil {
			return nil, fmt.Errorf("store: calendar changes: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CalendarChange returns one logged change, or ErrNotFound.
func (db *DB) CalendarChange(ctx context.Context, id int64) (CalendarChange, error) {
	var c CalendarChange
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT id, scope, source, reason, days, moved, actor_name, created_at FROM calendar_changes WHERE id = ?`), id).
		Scan(&c.ID, &c.Scope, &c.Source, &c.Reason, &c.Days, &c.Moved, &c.Actor, &c.At)
	if errors.Is(err, sql.ErrNoRows) {
		return c, fmt.Errorf("store: calendar change %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("store: calendar change %d: %w", id, err)
	}
	return c, nil
}

// DeadlineMoves returns the deadlines moved by one change (changeID > 0)
// or those of the given tasks' notices (changeID 0), oldest move first.
func (db *DB) DeadlineMoves(ctx context.Context, changeID int64, taskIDs ...int64) ([]DeadlineMove, error) {
	q := `SELECT m.change_id, m.event_key, e.task_id, t.title, e.label, e.on_day, m.old_deadline, m.new_deadline, c.reason
		FROM deadline_moves m JOIN calendar_changes c ON c.id = m.change_id
		JOIN supervision_events e ON e.key = m.event_key JOIN tasks t ON t.id = e.task_id WHERE `
	var args []any
	if changeID > 0 {
		q += `m.change_id = ?`
		args = append(args, changeID)
	} else {
		if len(taskIDs) == 0 {
			return nil, nil
		}
		q += `e.task_id IN (` + marks(len(taskIDs)) + `)`
		args = idArgs(taskIDs)
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q+` ORDER BY m.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: deadline moves: %w", err)
	}
	defer rows.Close()
	var out []DeadlineMove
	for rows.Next() {
		var m DeadlineMove
		var on, from, to dateValue
		if err := rows.Scan(&m.ChangeID, &m.EventKey, &m.TaskID, &m.TaskTitle, &m.Label, &on, &from, &to, &m.Reason); err != nil {
			return nil, fmt.Errorf("store: deadline moves: %w", err)
		}
		m.On, _ = parseDay(string(on))
		m.From, _ = parseDay(string(from))
		m.To, _ = parseDay(string(to))
		out = append(out, m)
	}
	return out, rows.Err()
}
