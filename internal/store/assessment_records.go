package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
)

// AddAssessRecord stores a record with its links and the audit entry, in
// one transaction. A record cites tasks by number and notices by key; a
// cited notice brings its task along.
func (db *DB) AddAssessRecord(ctx context.Context, actor audit.Actor, r AssessRecord) (int64, error) {
	r.Title, r.Basis, r.Text = strings.TrimSpace(r.Title), strings.TrimSpace(r.Basis), strings.TrimSpace(r.Text)
	// The service checks these first; the store keeps them so that no
	// record that does not hold is stored. The keys are the catalogue's.
	bad := map[string]string{}
	if assess.RecordLabel(r.Kind) == "" {
		bad["kind"] = "assess.problem.record_kind"
	}
	if r.Title == "" {
		bad["title"] = "error.required"
	}
	if err := checkDate(r.On); err != nil || r.On == "" {
		bad["on"] = "error.date_invalid"
	}
	if len(bad) > 0 {
		return 0, &fault.Error{Code: fault.Invalid, Fields: bad}
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: add record: %w", err)
	}
	defer tx.Rollback()
	if _, err := db.findUnit(ctx, tx, r.UnitID); err != nil {
		return 0, err
	}
	links, err := db.recordLinks(ctx, tx, r.TaskIDs, r.EventKeys)
	if err != nil {
		return 0, err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO assessment_records (unit_id, kind, title, on_day, basis, text, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		r.UnitID, r.Kind, r.Title, r.On, r.Basis, r.Text, actor.Username, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: add record: %w", err)
	}
	for _, l := range links {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO assessment_record_links (record_id, task_id, event_key) VALUES (?, ?, ?)`),
			id, l.task, nullString(l.key)); err != nil {
			return 0, fmt.Errorf("store: add record: %w", err)
		}
	}
	r.ID = id
	if err := db.appendAudit(ctx, tx, actor, "assess.record", "assessment_record", id, nil, r); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

type recordLink struct {
	task int64
	key  string
}

// recordLinks checks the cited tasks and notices exist: a record must not
// point at nothing.
func (db *DB) recordLinks(ctx context.Context, tx *sql.Tx, taskIDs []int64, keys []string) ([]recordLink, error) {
	var out []recordLink
	seen := map[int64]bool{}
	for _, k := range keys {
		var task int64
		err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT task_id FROM supervision_events WHERE key = ?`), k).Scan(&task)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"event_keys": "assess.problem.notice_missing"},
				Err: fmt.Errorf("store: record cites notice %q, which does not exist", k)}
		}
		if err != nil {
			return nil, fmt.Errorf("store: add record: %w", err)
		}
		out = append(out, recordLink{task: task, key: k})
		seen[task] = true
	}
	for _, id := range taskIDs {
		if seen[id] {
			continue
		}
		var one int
		err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT 1 FROM tasks WHERE id = ?`), id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, &fault.Error{Code: fault.Invalid, Fields: map[string]string{"task_ids": "assess.problem.task_missing"},
				Err: fmt.Errorf("store: record cites task %d, which does not exist", id)}
		}
		if err != nil {
			return nil, fmt.Errorf("store: add record: %w", err)
		}
		out = append(out, recordLink{task: id})
		seen[id] = true
	}
	return out, nil
}

// RevokeAssessRecord withdraws a record with the reason: it no longer
// counts, and stays visible as revoked.
func (db *DB) RevokeAssessRecord(ctx context.Context, actor audit.Actor, id int64, reason string) error {
	if strings.TrimSpace(reason) == "" {
		return fault.Field("reason", "error.required")
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: revoke record: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE assessment_records SET revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL`),
		actor.Username, db.now(), strings.TrimSpace(reason), id)
	if err != nil {
		return fmt.Errorf("store: revoke record %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: record %d does not exist or was revoked: %w", id, ErrNotFound)
	}
	if err := db.appendAudit(ctx, tx, actor, "assess.record_revoke", "assessment_record", id, nil, map[string]string{"reason": reason}); err != nil {
		return err
	}
	return db.commit(tx)
}

// FindAssessRecords returns the records f selects, newest first, with
// their links.
func (db *DB) FindAssessRecords(ctx context.Context, f RecordFilter) ([]AssessRecord, error) {
	q := `SELECT r.id, r.unit_id, u.name, r.kind, r.title, r.on_day, r.basis, r.text, r.created_by, r.created_at,
		r.revoked_by, r.revoked_at, r.revoke_reason FROM assessment_records r JOIN units u ON u.id = r.unit_id WHERE 1 = 1`
	var args []any
	if f.UnitID != 0 {
		q, args = q+` AND r.unit_id = ?`, append(args, f.UnitID)
	}
	if f.From != "" {
		q, args = q+` AND r.on_day >= ?`, append(args, f.From)
	}
	if f.To != "" {
		q, args = q+` AND r.on_day <= ?`, append(args, f.To)
	}
	if !f.WithRevoked {
		q += ` AND r.revoked_at IS NULL`
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q+` ORDER BY r.on_day DESC, r.id DESC`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: records: %w", err)
	}
	out := []AssessRecord{}
	byID := map[int64]int{}
	for rows.Next() {
		var r AssessRecord
		var on dateValue
		var revoked sql.NullTime
		if err := rows.Scan(&r.ID, &r.UnitID, &r.Unit, &r.Kind, &r.Title, &on, &r.Basis, &r.Text, &r.CreatedBy, &r.CreatedAt,
			&r.RevokedBy, &revoked, &r.Reason); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: records: %w", err)
		}
		r.On, r.CreatedAt = string(on), r.CreatedAt.UTC()
		if revoked.Valid {
			t := revoked.Time.UTC()
			r.RevokedAt = &t
		}
		r.TaskIDs, r.EventKeys = []int64{}, []string{}
		byID[r.ID] = len(out)
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: records: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(out))
	for _, r := range out {
		ids = append(ids, r.ID)
	}
	links, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT record_id, task_id, event_key FROM assessment_record_links WHERE record_id IN (`+marks(len(ids))+`) ORDER BY record_id`), idArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("store: record links: %w", err)
	}
	defer links.Close()
	for links.Next() {
		var rid, task int64
		var key sql.NullString
		if err := links.Scan(&rid, &task, &key); err != nil {
			return nil, fmt.Errorf("store: record links: %w", err)
		}
		r := &out[byID[rid]]
		r.TaskIDs = append(r.TaskIDs, task)
		if key.Valid {
			r.EventKeys = append(r.EventKeys, key.String)
		}
	}
	return out, links.Err()
}
