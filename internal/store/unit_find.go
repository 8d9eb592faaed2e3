package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/units"
)

// ErrConflict is returned, wrapped, when a name that must be unique is
// taken (a unit, an alias, a username).
var ErrConflict = fault.ErrConflict

// conflict turns a unique-constraint failure of either database into
// ErrConflict, keeping the driver's message.
func conflict(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "UNIQUE constraint") || strings.Contains(msg, "duplicate key") || strings.Contains(msg, "23505") {
		return fmt.Errorf("%w: %v", ErrConflict, err)
	}
	return err
}

// FindUnits returns every registered unit, in the pinyin order of the
// names.
func (db *DB) FindUnits(ctx context.Context) ([]Unit, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find units: %w", err)
	}
	defer tx.Rollback()
	return db.findUnits(ctx, tx, "", nil)
}

// FindUnitByID returns one unit.
func (db *DB) FindUnitByID(ctx context.Context, id int64) (*Unit, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find unit: %w", err)
	}
	defer tx.Rollback()
	return db.findUnit(ctx, tx, id)
}

func (db *DB) findUnit(ctx context.Context, tx *sql.Tx, id int64) (*Unit, error) {
	us, err := db.findUnits(ctx, tx, " WHERE id = ?", []any{id})
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, fmt.Errorf("store: unit %d: %w", id, ErrNotFound)
	}
	return &us[0], nil
}

func (db *DB) findUnits(ctx context.Context, tx *sql.Tx, where string, args []any) ([]Unit, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT id, name, parent_id, kind, email, members_group_id, created_at FROM units`+where+` ORDER BY name`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: find units: %w", err)
	}
	var out []Unit
	byID := map[int64]int{}
	for rows.Next() {
		var u Unit
		var parent, group sql.NullInt64
		if err := rows.Scan(&u.ID, &u.Name, &parent, &u.Kind, &u.Email, &group, &u.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: scan unit: %w", err)
		}
		u.ParentID, u.MembersGroupID, u.CreatedAt, u.Aliases = parent.Int64, group.Int64, u.CreatedAt.UTC(), []string{}
		byID[u.ID] = len(out)
		out = append(out, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find units: %w", err)
	}
	arows, err := tx.QueryContext(ctx, `SELECT unit_id, alias FROM unit_aliases ORDER BY alias`)
	if err != nil {
		return nil, fmt.Errorf("store: find aliases: %w", err)
	}
	defer arows.Close()
	for arows.Next() {
		var id int64
		var alias string
		if err := arows.Scan(&id, &alias); err != nil {
			return nil, fmt.Errorf("store: scan alias: %w", err)
		}
		if i, ok := byID[id]; ok {
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	// Every list of units is in pinyin order (财政局 before 发改委 before
	// 住建局), the same on SQLite and PostgreSQL, whose collations differ.
	units.SortByPinyin(out, func(u Unit) string { return u.Name })
	return out, arows.Err()
}
