package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
)

// CreateIncident records an incident, audited.
func (db *DB) CreateIncident(ctx context.Context, actor audit.Actor, in Incident) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create incident: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO incidents (title, level, occurred_at, unit_id, summary, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		in.Title, in.Level, in.OccurredAt.UTC(), nullID(in.UnitID), in.Summary, actor.Username, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create incident: %w", conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "incident.create", "incident", id, nil,
		map[string]any{"title": in.Title, "level": in.Level, "occurred_at": in.OccurredAt.UTC(), "unit": in.UnitID}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// RecordIncidentDuty records that a duty was done, once: a second record
// of the same duty is ErrConflict (the first time is the one that counts).
func (db *DB) RecordIncidentDuty(ctx context.Context, actor audit.Actor, id int64, kind string, d IncidentDuty) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: incident %d: %w", id, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO incident_duties (incident_id, kind, done_at, evidence, actor, at) VALUES (?, ?, ?, ?, ?, ?)`),
		id, kind, d.DoneAt.UTC(), d.Evidence, actor.Username, db.now()); err != nil {
		return fmt.Errorf("store: incident %d duty %s: %w", id, kind, conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "incident.duty", "incident", id, nil,
		map[string]any{"kind": kind, "done_at": d.DoneAt.UTC(), "evidence": d.Evidence}); err != nil {
		return err
	}
	return db.commit(tx)
}

const incidentColumns = `i.id, i.title, i.level, i.occurred_at, i.unit_id, COALESCE(u.name, ''), i.summary, i.created_by, i.created_at`

// FindIncident returns an incident with its duties, or ErrNotFound.
func (db *DB) FindIncident(ctx context.Context, id int64) (*Incident, error) {
	list, err := db.findIncidents(ctx, ` WHERE i.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: incident %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

// FindIncidents lists the incidents that occurred since from, the latest
// first, with their duties.
func (db *DB) FindIncidents(ctx context.Context, from time.Time) ([]Incident, error) {
	return db.findIncidents(ctx, ` WHERE i.occurred_at >= ?`, from.UTC())
}

func (db *DB) findIncidents(ctx context.Context, where string, arg any) ([]Incident, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+incidentColumns+` FROM incidents i LEFT JOIN units u ON u.id = i.unit_id`+
		where+` ORDER BY i.occurred_at DESC, i.id DESC LIMIT 500`), arg)
	if err != nil {
		return nil, fmt.Errorf("store: incidents: %w", err)
	}
	defer rows.Close()
	out := []Incident{}
	index := map[int64]int{}
	for rows.Next() {
		var in Incident
		var unit sql.NullInt64
		if err := rows.Scan(&in.ID, &in.Title, &in.Level, &in.OccurredAt, &unit, &in.Unit, &in.Summary, &in.CreatedBy, &in.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: incidents: %w", err)
		}
		in.UnitID, in.OccurredAt, in.CreatedAt, in.Duties = unit.Int64, in.OccurredAt.UTC(), in.CreatedAt.UTC(), map[string]IncidentDuty{}
		index[in.ID] = len(out)
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: incidents: %w", err)
	}
	if len(out) == 0 {
		return out, nil
	}
	drows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT d.incident_id, d.kind, d.done_at, d.evidence, d.actor
		FROM incident_duties d JOIN incidents i ON i.id = d.incident_id`+where), arg)
	if err != nil {
		return nil, fmt.Errorf("store: incident duties: %w", err)
	}
	defer drows.Close()
	for drows.Next() {
		var id int64
		var kind string
		var d IncidentDuty
		if err := drows.Scan(&id, &kind, &d.DoneAt, &d.Evidence, &d.Actor); err != nil {
			return nil, fmt.Errorf("store: incident duties: %w", err)
		}
		d.DoneAt = d.DoneAt.UTC()
		if i, ok := index[id]; ok {
			out[i].Duties[kind] = d
		}
	}
	if err := drows.Err(); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: incident duties: %w", err)
	}
	return out, nil
}
