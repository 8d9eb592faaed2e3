package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/duban/duban/internal/units"
)

// linkTaskUnits matches the unit names of tasks not yet linked to the
// registry — of one plan, or of every plan when planID is 0 — by name or
// alias, the way the registry's matcher folds brackets and spaces. Names
// it cannot place stay unlinked for the office to resolve at review.
func (db *DB) linkTaskUnits(ctx context.Context, tx *sql.Tx, planID int64) error {
	reg, err := db.findUnits(ctx, tx, "", nil)
	if err != nil {
		return err
	}
	if len(reg) == 0 {
		return nil
	}
	list := make([]units.Unit, len(reg))
	for i, u := range reg {
		list[i] = units.Unit{ID: u.ID, Name: u.Name, Aliases: u.Aliases}
	}
	ix := units.NewIndex(list)

	q := `SELECT DISTINCT tu.name FROM task_units tu WHERE tu.unit_id IS NULL`
	var args []any
	if planID != 0 {
		q = `SELECT DISTINCT tu.name FROM task_units tu JOIN tasks t ON t.id = tu.task_id
		     WHERE tu.unit_id IS NULL AND t.plan_id = ?`
		args = append(args, planID)
	}
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return fmt.Errorf("store: link task units: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return fmt.Errorf("store: link task units: %w", err)
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: link task units: %w", err)
	}
	update := `UPDATE task_units SET unit_id = ? WHERE unit_id IS NULL AND name = ?`
	if planID != 0 {
		update += ` AND task_id IN (SELECT id FROM tasks WHERE plan_id = ?)`
	}
	for _, n := range names {
		m := ix.Match(n)
		if m.UnitID == 0 {
			continue
		}
		a := []any{m.UnitID, n}
		if planID != 0 {
			a = append(a, planID)
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(update), a...); err != nil {
			return fmt.Errorf("store: link %q: %w", n, err)
		}
	}
	return nil
}
