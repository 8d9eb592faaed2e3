package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateInspectionPlanEntry adds a line to a year's 督查计划, audited.
func (db *DB) CreateInspectionPlanEntry(ctx context.Context, actor audit.Actor, e records.InspectionPlanEntry) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create inspection plan entry: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO inspection_plans (year, title, kind, month, planned_on, notes, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		e.Year, e.Title, e.Kind, e.Month, nullDate(e.PlannedOn), e.Notes, actor.Username, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create inspection plan entry: %w", err)
	}
	if err := db.setEntryUnits(ctx, tx, id, e.UnitIDs); err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "inspection_plan.create", "inspection_plan", id, nil, entryAudit(e)); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// UpdateInspectionPlanEntry replaces an entry's fields and units,
// audited before and after; ErrNotFound when there is none.
func (db *DB) UpdateInspectionPlanEntry(ctx context.Context, actor audit.Actor, id int64, e records.InspectionPlanEntry) error {
	before, err := db.FindInspectionPlanEntry(ctx, id)
	if err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: update inspection plan entry %d: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE inspection_plans SET year = ?, title = ?, kind = ?, month = ?, planned_on = ?, notes = ? WHERE id = ?`),
		e.Year, e.Title, e.Kind, e.Month, nullDate(e.PlannedOn), e.Notes, id)
	if err != nil {
		return fmt.Errorf("store: update inspection plan entry %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: inspection plan entry %d: %w", id, ErrNotFound)
	}
	if err := db.setEntryUnits(ctx, tx, id, e.UnitIDs); err != nil {
		return err
	}
	if err := db.appendAudit(ctx, tx, actor, "inspection_plan.update", "inspection_plan", id, entryAudit(*before), entryAudit(e)); err != nil {
		return err
	}
	return db.commit(tx)
}

// DeleteInspectionPlanEntry removes an entry, audited; the inspections
// held against it stay, no longer linked.
func (db *DB) DeleteInspectionPlanEntry(ctx context.Context, actor audit.Actor, id int64) error {
	before, err := db.FindInspectionPlanEntry(ctx, id)
	if err != nil {
		return err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: delete inspection plan entry %d: %w", id, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE inspections SET plan_entry_id = NULL WHERE plan_entry_id = ?`), id); err != nil {
		return fmt.Errorf("store: delete inspection plan entry %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM inspection_plans WHERE id = ?`), id); err != nil {
		return fmt.Errorf("store: delete inspection plan entry %d: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "inspection_plan.delete", "inspection_plan", id, entryAudit(*before), nil); err != nil {
		return err
	}
	return db.commit(tx)
}

func entryAudit(e records.InspectionPlanEntry) map[string]any {
	return map[string]any{"year": e.Year, "title": e.Title, "kind": e.Kind, "month": e.Month, "planned_on": e.PlannedOn,
		"units": nonNil(e.UnitIDs), "notes": e.Notes}
}

func (db *DB) setEntryUnits(ctx context.Context, tx *sql.Tx, id int64, units []int64) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM inspection_plan_units WHERE entry_id = ?`), id); err != nil {
		return fmt.Errorf("store: inspection plan entry %d units: %w", id, err)
	}
	seen := map[int64]bool{}
	for _, u := range units {
		if seen[u] {
			continue
		}
		seen[u] = true
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO inspection_plan_units (entry_id, unit_id) VALUES (?, ?)`), id, u); err != nil {
			return fmt.Errorf("store: inspection plan entry %d unit %d: %w", id, u, err)
		}
	}
	return nil
}

// FindInspectionPlanEntry returns one entry, or ErrNotFound.
func (db *DB) FindInspectionPlanEntry(ctx context.Context, id int64) (*records.InspectionPlanEntry, error) {
	list, err := db.findEntries(ctx, ` WHERE p.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: inspection plan entry %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

// FindInspectionPlanEntries returns a year's 督查计划 in month order.
func (db *DB) FindInspectionPlanEntries(ctx context.Context, year int) ([]records.InspectionPlanEntry, error) {
	return db.findEntries(ctx, ` WHERE p.year = ?`, year)
}

func (db *DB) findEntries(ctx context.Context, where string, arg any) ([]records.InspectionPlanEntry, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: inspection plan: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT p.id, p.year, p.title, p.kind, p.month, p.planned_on, p.notes, p.created_by, p.created_at,
			(SELECT COUNT(*) FROM inspections i WHERE i.plan_entry_id = p.id)
		FROM inspection_plans p`+where+` ORDER BY p.month, p.planned_on IS NULL, p.planned_on, p.id`), arg)
	if err != nil {
		return nil, fmt.Errorf("store: inspection plan: %w", err)
	}
	out := []records.InspectionPlanEntry{}
	index := map[int64]int{}
	for rows.Next() {
		var e records.InspectionPlanEntry
		var on dateValue
		if err := rows.Scan(&e.ID, &e.Year, &e.Title, &e.Kind, &e.Month, &on, &e.Notes, &e.CreatedBy, &e.CreatedAt, &e.Held); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: inspection plan: %w", err)
		}
		e.PlannedOn, e.CreatedAt, e.UnitIDs, e.Units = string(on), e.CreatedAt.UTC(), []int64{}, []string{}
		index[e.ID] = len(out)
		out = append(out, e)
	}
	err = rows.Err()
	rows.Close()
	if err != nil || len(out) == 0 {
		return out, err
	}
	urows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT x.entry_id, x.unit_id, u.name FROM inspection_plan_units x JOIN units u ON u.id = x.unit_id
		JOIN inspection_plans p ON p.id = x.entry_id`+where+` ORDER BY x.entry_id, u.id`), arg)
	if err != nil {
		return nil, fmt.Errorf("store: inspection plan units: %w", err)
	}
	defer urows.Close()
	for urows.Next() {
		var entry, unit int64
		var name string
		if err := urows.Scan(&entry, &unit, &name); err != nil {
			return nil, fmt.Errorf("store: inspection plan units: %w", err)
		}
		if i, ok := index[entry]; ok {
			out[i].UnitIDs, out[i].Units = append(out[i].UnitIDs, unit), append(out[i].Units, name)
		}
	}
	return out, urows.Err()
}
