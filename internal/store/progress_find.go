package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// FindProgress returns a task's progress reports, newest first, with their
// attachments and the reached target values.
func (db *DB) FindProgress(ctx context.Context, taskID int64) ([]Progress, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find progress: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT r.id, r.task_id, r.unit_id, r.author_id, COALESCE(u.display_name, u.username, ''), r.period, r.text, r.problems, r.next_steps, r.percent, r.created_at
		FROM progress_reports r LEFT JOIN users u ON u.id = r.author_id
		WHERE r.task_id = ? ORDER BY r.id DESC`), taskID)
	if err != nil {
		return nil, fmt.Errorf("store: find progress: %w", err)
	}
	out := []Progress{}
	for rows.Next() {
		var p Progress
		var unit sql.NullInt64
		var percent sql.NullFloat64
		if err := rows.Scan(&p.ID, &p.TaskID, &unit, &p.AuthorID, &p.Author, &p.Period, &p.Text, &p.Problems, &p.NextSteps, &percent, &p.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: find progress: %w", err)
		}
		p.UnitID, p.CreatedAt, p.Attachments = unit.Int64, p.CreatedAt.UTC(), []Attachment{}
		if percent.Valid {
			p.Percent = &percent.Float64
		}
		out = append(out, p)
	}
	rows.Close()
	for i := range out {
		if out[i].Attachments, err = db.findAttachments(ctx, tx, "report", out[i].ID); err != nil {
			return nil, err
		}
		if out[i].Targets, err = db.reportTargets(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, rows.Err()
}

func (db *DB) reportTargets(ctx context.Context, tx *sql.Tx, reportID int64) (map[int]float64, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT target_seq, value FROM progress_targets WHERE report_id = ?`), reportID)
	if err != nil {
		return nil, fmt.Errorf("store: report targets: %w", err)
	}
	defer rows.Close()
	var out map[int]float64
	for rows.Next() {
		var seq int
		var v float64
		if err := rows.Scan(&seq, &v); err != nil {
			return nil, err
		}
		if out == nil {
			out = map[int]float64{}
		}
		out[seq] = v
	}
	return out, rows.Err()
}

// ReportedPeriods says which reporting periods of a task have a report.
func (db *DB) ReportedPeriods(ctx context.Context, taskID int64) (map[string]bool, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT DISTINCT period FROM progress_reports WHERE task_id = ? AND period <> ''`), taskID)
	if err != nil {
		return nil, fmt.Errorf("store: reported periods: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		out[p] = true
	}
	return out, rows.Err()
}

// FindCloseRequests returns a task's 销号 applications, newest first.
func (db *DB) FindCloseRequests(ctx context.Context, taskID int64) ([]CloseRequest, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: close requests: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, task_id, unit_id, requester_id, text, created_at, decision, decider_id, reason, decided_at
		FROM close_requests WHERE task_id = ? ORDER BY id DESC`), taskID)
	if err != nil {
		return nil, fmt.Errorf("store: close requests: %w", err)
	}
	out := []CloseRequest{}
	for rows.Next() {
		var c CloseRequest
		var unit, decider sql.NullInt64
		var decision sql.NullString
		var decided sql.NullTime
		if err := rows.Scan(&c.ID, &c.TaskID, &unit, &c.RequesterID, &c.Text, &c.CreatedAt, &decision, &decider, &c.Reason, &decided); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: close requests: %w", err)
		}
		c.UnitID, c.Decision, c.DeciderID, c.DecidedAt = unit.Int64, decision.String, decider.Int64, timePtr(decided)
		c.CreatedAt = c.CreatedAt.UTC()
		out = append(out, c)
	}
	rows.Close()
	for i := range out {
		if out[i].Attachments, err = db.findAttachments(ctx, tx, "close", out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (db *DB) findAttachments(ctx context.Context, tx *sql.Tx, ownerType string, ownerID int64) ([]Attachment, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, filename, content_type, size, sha256, created_at FROM attachments
		WHERE owner_type = ? AND owner_id = ? ORDER BY id`), ownerType, ownerID)
	if err != nil {
		return nil, fmt.Errorf("store: attachments: %w", err)
	}
	defer rows.Close()
	out := []Attachment{}
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: attachments: %w", err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		out = append(out, a)
	}
	return out, rows.Err()
}

// FindAttachment returns an attachment and the task it belongs to, so that
// a download is authorised like the task.
func (db *DB) FindAttachment(ctx context.Context, id int64) (*Attachment, int64, error) {
	var a Attachment
	var ownerType string
	var ownerID, taskID int64
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT id, filename, content_type, size, sha256, created_at, owner_type, owner_id FROM attachments WHERE id = ?`), id).Scan(
		&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt, &ownerType, &ownerID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("store: attachment %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: attachment %d: %w", id, err)
	}
	table := map[string]string{"report": "progress_reports", "close": "close_requests", "answer": "task_events"}[ownerType]
	if err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT task_id FROM `+table+` WHERE id = ?`), ownerID).Scan(&taskID); err != nil {
		return nil, 0, fmt.Errorf("store: attachment %d owner: %w", id, err)
	}
	return &a, taskID, nil
}

// LatestReports returns, for each of the tasks that has reports, the
// words of its latest one: the 进展情况, 存在问题 and 下步计划 columns of an
// exported ledger, read for a page of tasks at once.
func (db *DB) LatestReports(ctx context.Context, taskIDs []int64) (map[int64]LatestReport, error) {
	out := map[int64]LatestReport{}
	if len(taskIDs) == 0 {
		return out, nil
	}
	in := marks(len(taskIDs))
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT r.task_id, r.text, r.problems, r.next_steps FROM progress_reports r
		WHERE r.id IN (SELECT MAX(id) FROM progress_reports WHERE task_id IN (`+in+`) GROUP BY task_id)`), idArgs(taskIDs)...)
	if err != nil {
		return nil, fmt.Errorf("store: latest reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r LatestReport
		if err := rows.Scan(&id, &r.Text, &r.Problems, &r.NextSteps); err != nil {
			return nil, fmt.Errorf("store: latest reports: %w", err)
		}
		out[id] = r
	}
	return out, rows.Err()
}
