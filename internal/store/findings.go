package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateFinding records a finding of an inspection with its photos and
// the ledger task that tracks its rectification, audited.
func (db *DB) CreateFinding(ctx context.Context, actor audit.Actor, f records.Finding) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create finding: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO inspection_findings (inspection_id, description, unit_id, due, state, task_id, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		f.InspectionID, f.Description, f.UnitID, f.Due, records.FindingRectifying, nullID(f.TaskID), actor.Username, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create finding: %w", err)
	}
	if err := db.addFindingFiles(ctx, tx, id, f.Files); err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "finding.create", "finding", id, nil,
		map[string]any{"inspection": f.InspectionID, "description": f.Description, "unit": f.UnitID, "due": f.Due, "task": f.TaskID,
			"files": len(f.Files)}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// AddFindingFiles attaches more photos to a finding, audited.
func (db *DB) AddFindingFiles(ctx context.Context, actor audit.Actor, id int64, files []records.Attachment) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: finding %d files: %w", id, err)
	}
	defer tx.Rollback()
	if err := db.addFindingFiles(ctx, tx, id, files); err != nil {
		return err
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Filename
	}
	if err := db.appendAudit(ctx, tx, actor, "finding.files", "finding", id, nil, map[string]any{"files": names}); err != nil {
		return err
	}
	return db.commit(tx)
}

func (db *DB) addFindingFiles(ctx context.Context, tx *sql.Tx, id int64, files []records.Attachment) error {
	now := db.now()
	for _, f := range files {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO finding_files (finding_id, filename, content_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
			id, f.Filename, f.ContentType, f.Size, f.SHA256, now); err != nil {
			return fmt.Errorf("store: finding %d file: %w", id, err)
		}
	}
	return nil
}

// RecordFindingRecheck records a 复查 of a finding, audited: passed, the
// finding is passed; failed, it is rectified again by c.NewDue.
func (db *DB) RecordFindingRecheck(ctx context.Context, actor audit.Actor, id int64, c records.FindingCheck) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: finding %d recheck: %w", id, err)
	}
	defer tx.Rollback()
	var state string
	var due dateValue
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT state, due FROM inspection_findings WHERE id = ?`), id).Scan(&state, &due)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: finding %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: finding %d recheck: %w", id, err)
	}
	if state != records.FindingRectifying {
		return fmt.Errorf("store: finding %d is %s: %w", id, state, ErrState)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO finding_rechecks (finding_id, held_on, passed, note, new_due, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		id, c.HeldOn, c.Passed, c.Note, nullDate(c.NewDue), actor.Username, db.now()); err != nil {
		return fmt.Errorf("store: finding %d recheck: %w", id, err)
	}
	next, nextDue := records.FindingPassed, string(due)
	if !c.Passed {
		next, nextDue = records.FindingRectifying, c.NewDue
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE inspection_findings SET state = ?, due = ? WHERE id = ?`), next, nextDue, id); err != nil {
		return fmt.Errorf("store: finding %d recheck: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "finding.recheck", "finding", id, map[string]any{"state": state, "due": string(due)},
		map[string]any{"state": next, "due": nextDue, "passed": c.Passed, "held_on": c.HeldOn, "note": c.Note}); err != nil {
		return err
	}
	return db.commit(tx)
}

const findingColumns = `f.id, f.inspection_id, i.title, i.kind, i.held_on, f.description, f.unit_id, u.name, f.due, f.state,
	f.task_id, COALESCE(t.status, ''), f.created_by, f.created_at`

const findingFrom = ` FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id JOIN units u ON u.id = f.unit_id
	LEFT JOIN tasks t ON t.id = f.task_id`

// FindFinding returns a finding with its files and 复查, or ErrNotFound.
func (db *DB) FindFinding(ctx context.Context, id int64) (*records.Finding, error) {
	list, err := db.findFindings(ctx, ` WHERE f.id = ?`, []any{id})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: finding %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

// FindFindings returns the findings f names, the latest inspection's
// first, with their files and 复查.
func (db *DB) FindFindings(ctx context.Context, f records.FindingFilter) ([]records.Finding, error) {
	if f.Scoped && len(f.Units) == 0 {
		return []records.Finding{}, nil
	}
	var cond []string
	var args []any
	if len(f.Units) > 0 {
		cond, args = append(cond, `f.unit_id IN (`+marks(len(f.Units))+`)`), append(args, idArgs(f.Units)...)
	}
	if f.InspectionID != 0 {
		cond, args = append(cond, `f.inspection_id = ?`), append(args, f.InspectionID)
	}
	if f.State != "" {
		cond, args = append(cond, `f.state = ?`), append(args, f.State)
	}
	if f.Year != 0 {
		cond, args = append(cond, `i.held_on >= ? AND i.held_on <= ?`), append(args, fmt.Sprintf("%04d-01-01", f.Year), fmt.Sprintf("%04d-12-31", f.Year))
	}
	where := ""
	if len(cond) > 0 {
		where = ` WHERE ` + strings.Join(cond, ` AND `)
	}
	return db.findFindings(ctx, where, args)
}

func (db *DB) findFindings(ctx context.Context, where string, args []any) ([]records.Finding, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+findingColumns+findingFrom+where+
		` ORDER BY i.held_on DESC, f.inspection_id DESC, f.id LIMIT 2000`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: findings: %w", err)
	}
	defer rows.Close()
	out := []records.Finding{}
	for rows.Next() {
		var f records.Finding
		var held, due dateValue
		var task sql.NullInt64
		if err := rows.Scan(&f.ID, &f.InspectionID, &f.Inspection, &f.Kind, &held, &f.Description, &f.UnitID, &f.Unit, &due, &f.State,
			&task, &f.TaskStatus, &f.CreatedBy, &f.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: findings: %w", err)
		}
		f.HeldOn, f.Due, f.TaskID, f.CreatedAt = string(held), string(due), task.Int64, f.CreatedAt.UTC()
		f.Files, f.Rechecks = []records.Attachment{}, []records.FindingCheck{}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows.Close()
	if err := db.findRechecks(ctx, out); err != nil {
		return nil, err
	}
	return out, db.findFindingFiles(ctx, out)
}

// findFindingFiles fills in the findings' photos, in the order given.
func (db *DB) findFindingFiles(ctx context.Context, list []records.Finding) error {
	index := make(map[int64]int, len(list))
	ids := make([]int64, len(list))
	for i, f := range list {
		index[f.ID], ids[i] = i, f.ID
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT finding_id, id, filename, content_type, size, sha256, created_at FROM finding_files WHERE finding_id IN (`+marks(len(ids))+`) ORDER BY id`),
		idArgs(ids)...)
	if err != nil {
		return fmt.Errorf("store: finding files: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var finding int64
		var a records.Attachment
		if err := rows.Scan(&finding, &a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt); err != nil {
			return fmt.Errorf("store: finding files: %w", err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		i := index[finding]
		list[i].Files = append(list[i].Files, a)
	}
	return rows.Err()
}

// findRechecks fills in the findings' 复查, oldest first.
func (db *DB) findRechecks(ctx context.Context, list []records.Finding) error {
	index := make(map[int64]int, len(list))
	ids := make([]int64, len(list))
	for i, f := range list {
		index[f.ID], ids[i] = i, f.ID
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT finding_id, id, held_on, passed, note, new_due, actor, at FROM finding_rechecks WHERE finding_id IN (`+marks(len(ids))+`) ORDER BY id`),
		idArgs(ids)...)
	if err != nil {
		return fmt.Errorf("store: finding rechecks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var finding int64
		var c records.FindingCheck
		var held, due dateValue
		if err := rows.Scan(&finding, &c.ID, &held, &c.Passed, &c.Note, &due, &c.Actor, &c.At); err != nil {
			return fmt.Errorf("store: finding rechecks: %w", err)
		}
		c.HeldOn, c.NewDue, c.At = string(held), string(due), c.At.UTC()
		i := index[finding]
		list[i].Rechecks = append(list[i].Rechecks, c)
	}
	return rows.Err()
}

// FindFindingFile returns a finding's photo and the finding it belongs
// to, for the check that the reader may see that finding.
func (db *DB) FindFindingFile(ctx context.Context, id int64) (*records.Attachment, int64, error) {
	var a records.Attachment
	var finding int64
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT id, filename, content_type, size, sha256, created_at, finding_id FROM finding_files WHERE id = ?`), id).Scan(
		&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt, &finding)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("store: finding file %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: finding file %d: %w", id, err)
	}
	a.CreatedAt = a.CreatedAt.UTC()
	return &a, finding, nil
}
