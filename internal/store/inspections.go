package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateInspection records an inspection held, audited.
func (db *DB) CreateInspection(ctx context.Context, actor audit.Actor, in records.Inspection) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create inspection: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO inspections (plan_entry_id, kind, title, held_on, place, inspectors, method, summary, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		nullID(in.PlanEntryID), in.Kind, in.Title, in.HeldOn, in.Place, in.Inspectors, in.Method, in.Summary, actor.Username, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create inspection: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "inspection.create", "inspection", id, nil,
		map[string]any{"plan_entry": in.PlanEntryID, "kind": in.Kind, "title": in.Title, "held_on": in.HeldOn, "place": in.Place,
			"inspectors": in.Inspectors, "method": in.Method}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

const inspectionColumns = `i.id, i.plan_entry_id, i.kind, i.title, i.held_on, i.place, i.inspectors, i.method, i.summary, i.created_by, i.created_at`

// FindInspection returns an inspection with its findings (their files and
// 复查 included), or ErrNotFound.
func (db *DB) FindInspection(ctx context.Context, id int64) (*records.Inspection, error) {
	list, err := db.findInspections(ctx, ` WHERE i.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: inspection %d: %w", id, ErrNotFound)
	}
	in := &list[0]
	in.Findings, err = db.FindFindings(ctx, records.FindingFilter{InspectionID: id})
	return in, err
}

// FindInspections returns the inspections held in a year, the latest
// first, without their findings (FindFindings lists those).
func (db *DB) FindInspections(ctx context.Context, year int) ([]records.Inspection, error) {
	return db.findInspections(ctx, ` WHERE i.held_on >= ? AND i.held_on <= ?`, fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-12-31", year))
}

func (db *DB) findInspections(ctx context.Context, where string, args ...any) ([]records.Inspection, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+inspectionColumns+` FROM inspections i`+where+
		` ORDER BY i.held_on DESC, i.id DESC LIMIT 1000`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: inspections: %w", err)
	}
	defer rows.Close()
	out := []records.Inspection{}
	for rows.Next() {
		var in records.Inspection
		var entry sql.NullInt64
		var held dateValue
		if err := rows.Scan(&in.ID, &entry, &in.Kind, &in.Title, &held, &in.Place, &in.Inspectors, &in.Method, &in.Summary,
			&in.CreatedBy, &in.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: inspections: %w", err)
		}
		in.PlanEntryID, in.HeldOn, in.CreatedAt, in.Findings = entry.Int64, string(held), in.CreatedAt.UTC(), []records.Finding{}
		out = append(out, in)
	}
	return out, rows.Err()
}
