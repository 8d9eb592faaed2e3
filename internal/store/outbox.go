package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
)

const notificationColumns = `id, key, channel, task_id, unit_id, recipient, title, text, message, link, status, attempts, next_at, last_error, created_at`

func scanNotifications(rows *sql.Rows) ([]Notification, error) {
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		var task, unit sql.NullInt64
		var msg string
		if err := rows.Scan(&n.ID, &n.Key, &n.Channel, &task, &unit, &n.Recipient, &n.Title, &n.Text, &msg, &n.Link, &n.Status, &n.Attempts,
			&n.NextAt, &n.Error, &n.Created); err != nil {
			return nil, fmt.Errorf("store: notifications: %w", err)
		}
		if err := json.Unmarshal([]byte(msg), &n.Message); err != nil {
			return nil, fmt.Errorf("store: notification %d: message: %w", n.ID, err)
		}
		n.TaskID, n.UnitID, n.NextAt, n.Created = task.Int64, unit.Int64, n.NextAt.UTC(), n.Created.UTC()
		out = append(out, n)
	}
	return out, rows.Err()
}

// ClaimNotifications takes up to limit notifications of channel that are
// due by now — pending, or sending with an expired lease (a sender died) —
// and leases them to the caller until now+lease. Write transactions take
// turns (one writer on SQLite, an advisory lock on PostgreSQL), so two
// instances never claim the same row.
func (db *DB) ClaimNotifications(ctx context.Context, channel string, now time.Time, lease time.Duration, limit int) ([]Notification, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: claim notifications: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT `+notificationColumns+` FROM notifications
		WHERE channel = ? AND ((status = 'pending' AND next_at <= ?) OR (status = 'sending' AND lease_until < ?))
		ORDER BY next_at, id LIMIT ?`), channel, now.UTC(), now.UTC(), limit)
	if err != nil {
		return nil, fmt.Errorf("store: claim notifications: %w", err)
	}
	claimed, err := scanNotifications(rows)
	if err != nil || len(claimed) == 0 {
		return nil, err // nothing written: no commit, no new data version
	}
	for _, n := range claimed {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE notifications SET status = 'sending', lease_until = ? WHERE id = ?`),
			now.Add(lease).UTC(), n.ID); err != nil {
			return nil, fmt.Errorf("store: claim notification %d: %w", n.ID, err)
		}
	}
	return claimed, db.commit(tx)
}

// FinishNotification stores what became of a claimed notification: sent,
// to be retried at retryAt, or dead (given up, for the dead-letter list).
func (db *DB) FinishNotification(ctx context.Context, id int64, sent, dead, attempted bool, retryAt time.Time, errText string) error {
	status := "pending"
	switch {
	case sent:
		status = "sent"
	case dead:
		status = "dead"
	}
	add := 0
	if attempted {
		add = 1
	}
	var sentAt any
	if sent {
		sentAt = db.now()
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: finish notification: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE notifications SET status = ?, attempts = attempts + ?, next_at = ?, lease_until = NULL, last_error = ?, sent_at = ?
		WHERE id = ?`), status, add, retryAt.UTC(), errText, sentAt, id); err != nil {
		return fmt.Errorf("store: finish notification %d: %w", id, err)
	}
	return db.commit(tx)
}

// FindNotifications lists notifications of a channel ("" for any) in a
// status ("" for any), newest first: a unit's inbox, or the dead-letter
// list.
func (db *DB) FindNotifications(ctx context.Context, channel, status string, unitID int64, limit int) ([]Notification, error) {
	var units []int64
	if unitID != 0 {
		units = []int64{unitID}
	}
	return db.FindNotificationsIn(ctx, channel, status, units, limit)
}

// FindNotificationsIn lists, as FindNotifications, the notifications to
// one of units (nil for any unit, or none): an office's or a leader's
// scope (分级督查).
func (db *DB) FindNotificationsIn(ctx context.Context, channel, status string, units []int64, limit int) ([]Notification, error) {
	q := `SELECT ` + notificationColumns + ` FROM notifications WHERE 1 = 1` + unitInScope("unit_id", units)
	args := scopeArgs(units)
	if channel != "" {
		q, args = q+` AND channel = ?`, append(args, channel)
	}
	if status != "" {
		q, args = q+` AND status = ?`, append(args, status)
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q+` ORDER BY id DESC LIMIT ?`), append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("store: notifications: %w", err)
	}
	return scanNotifications(rows)
}

// FindNotification is notification id; one that does not exist is
// ErrNotFound.
func (db *DB) FindNotification(ctx context.Context, id int64) (*Notification, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+notificationColumns+` FROM notifications WHERE id = ?`), id)
	if err != nil {
		return nil, fmt.Errorf("store: notification %d: %w", id, err)
	}
	list, err := scanNotifications(rows)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: notification %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

// ResendNotification puts a dead notification (given up after its
// retries) back in the queue with fresh attempts, once the office has
// fixed what stopped it — a robot's URL, a mailbox. Only a dead one can be
// resent: anything else is ErrState.
func (db *DB) ResendNotification(ctx context.Context, actor audit.Actor, id int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: resend notification %d: %w", id, err)
	}
	defer tx.Rollback()
	var status, key, channel string
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT status, key, channel FROM notifications WHERE id = ?`), id).Scan(&status, &key, &channel)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: notification %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: resend notification %d: %w", id, err)
	}
	if status != "dead" {
		return fmt.Errorf("store: notification %d is %s, not dead: %w", id, status, ErrState)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE notifications SET status = 'pending', attempts = 0, next_at = ?, lease_until = NULL, last_error = '' WHERE id = ?`),
		db.now().UTC(), id); err != nil {
		return fmt.Errorf("store: resend notification %d: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "notify.resend", "notification", id, nil, map[string]any{"key": key, "channel": channel}); err != nil {
		return err
	}
	return db.commit(tx)
}

// QueueAlert queues the notifications of an alert that is not a task's
// supervision step (a major incident's disclosure clock running out),
// once: notifications whose key and channel are queued already are left
// alone, and the alert is audited only when something new was queued. It
// returns how many were queued.
func (db *DB) QueueAlert(ctx context.Context, actor audit.Actor, entity string, id int64, notes []Notification) (int, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: queue alert: %w", err)
	}
	defer tx.Rollback()
	now, queued := db.now(), 0
	for _, nt := range notes {
		n, err := db.queue(ctx, tx, nt, now)
		if err != nil {
			return 0, err
		}
		queued += n
	}
	if queued == 0 {
		return 0, nil
	}
	if err := db.appendAudit(ctx, tx, actor, "alert.queue", entity, id, nil, map[string]any{"key": notes[0].Key, "title": notes[0].Title}); err != nil {
		return 0, err
	}
	return queued, db.commit(tx)
}

// queue puts one notification in the outbox unless its key and channel
// are there already, and says whether it did (1) or not (0). An inbox
// message is delivered by being stored.
func (db *DB) queue(ctx context.Context, tx *sql.Tx, nt Notification, now time.Time) (int, error) {
	msg, err := json.Marshal(nonNil(nt.Message))
	if err != nil {
		return 0, fmt.Errorf("store: queue %s: %w", nt.Key, err)
	}
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO notifications (key, channel, task_id, unit_id, recipient, title, text, message, link, status, attempts, next_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (key, channel) DO NOTHING`),
		nt.Key, nt.Channel, nullID(nt.TaskID), nullID(nt.UnitID), nt.Recipient, nt.Title, nt.Text, string(msg), nt.Link,
		map[bool]string{true: "sent", false: "pending"}[nt.Channel == "inbox"], now, now)
	if err != nil {
		return 0, fmt.Errorf("store: queue %s: %w", nt.Key, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
