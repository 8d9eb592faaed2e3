package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// FindUnitGroups returns every unit group with its members, in the
// pinyin order of the names.
func (db *DB) FindUnitGroups(ctx context.Context) ([]records.Group, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find unit groups: %w", err)
	}
	defer tx.Rollback()
	return db.findUnitGroups(ctx, tx, "", nil)
}

// FindUnitGroupByID returns one unit group with its members.
func (db *DB) FindUnitGroupByID(ctx context.Context, id int64) (*records.Group, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find unit group: %w", err)
	}
	defer tx.Rollback()
	return db.findUnitGroup(ctx, tx, id)
}

func (db *DB) findUnitGroup(ctx context.Context, tx *sql.Tx, id int64) (*records.Group, error) {
	gs, err := db.findUnitGroups(ctx, tx, " WHERE id = ?", []any{id})
	if err != nil {
		return nil, err
	}
	if len(gs) == 0 {
		return nil, fmt.Errorf("store: unit group %d: %w", id, ErrNotFound)
	}
	return &gs[0], nil
}

func (db *DB) findUnitGroups(ctx context.Context, tx *sql.Tx, where string, args []any) ([]records.Group, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT id, name, note, created_at FROM unit_groups`+where+` ORDER BY name`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: find unit groups: %w", err)
	}
	var out []records.Group
	byID := map[int64]int{}
	for rows.Next() {
		g := records.Group{Members: []int64{}}
		if err := rows.Scan(&g.ID, &g.Name, &g.Note, &g.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: scan unit group: %w", err)
		}
		g.CreatedAt = g.CreatedAt.UTC()
		byID[g.ID] = len(out)
		out = append(out, g)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find unit groups: %w", err)
	}
	mrows, err := tx.QueryContext(ctx, `SELECT group_id, unit_id FROM unit_group_members ORDER BY group_id, unit_id`)
	if err != nil {
		return nil, fmt.Errorf("store: find unit group members: %w", err)
	}
	defer mrows.Close()
	for mrows.Next() {
		var g, u int64
		if err := mrows.Scan(&g, &u); err != nil {
			return nil, fmt.Errorf("store: scan unit group member: %w", err)
		}
		if i, ok := byID[g]; ok {
			out[i].Members = append(out[i].Members, u)
		}
	}
	units.SortByPinyin(out, func(g records.Group) string { return g.Name }) // as findUnits
	return out, mrows.Err()
}

// CreateUnitGroup adds a unit group with its members. A taken name is
// ErrConflict, a member that is not a registered unit ErrNotFound.
func (db *DB) CreateUnitGroup(ctx context.Context, actor audit.Actor, in records.GroupInput) (*records.Group, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: create unit group: %w", err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`INSERT INTO unit_groups (name, note, created_at) VALUES (?, ?, ?) RETURNING id`),
		strings.TrimSpace(in.Name), in.Note, db.now().UTC().Truncate(time.Microsecond)).Scan(&id)
	if err != nil {
		return nil, fmt.Errorf("store: create unit group %q: %w", in.Name, conflict(err))
	}
	if err := db.setGroupMembers(ctx, tx, id, in.Members); err != nil {
		return nil, err
	}
	g, err := db.findUnitGroup(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "unit_group.create", "unit_group", id, nil, g); err != nil {
		return nil, err
	}
	return g, db.commit(tx)
}

// UpdateUnitGroup renames a unit group and sets its members to the list
// given.
func (db *DB) UpdateUnitGroup(ctx context.Context, actor audit.Actor, id int64, in records.GroupInput) (*records.Group, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: update unit group: %w", err)
	}
	defer tx.Rollback()
	before, err := db.findUnitGroup(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE unit_groups SET name = ?, note = ? WHERE id = ?`),
		strings.TrimSpace(in.Name), in.Note, id); err != nil {
		return nil, fmt.Errorf("store: update unit group %d: %w", id, conflict(err))
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM unit_group_members WHERE group_id = ?`), id); err != nil {
		return nil, fmt.Errorf("store: update unit group %d: %w", id, err)
	}
	if err := db.setGroupMembers(ctx, tx, id, in.Members); err != nil {
		return nil, err
	}
	g, err := db.findUnitGroup(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "unit_group.update", "unit_group", id, before, g); err != nil {
		return nil, err
	}
	return g, db.commit(tx)
}

// DeleteUnitGroup removes a unit group; its units stay registered, and a
// catch-all unit that stood for it stands for none.
func (db *DB) DeleteUnitGroup(ctx context.Context, actor audit.Actor, id int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: delete unit group: %w", err)
	}
	defer tx.Rollback()
	before, err := db.findUnitGroup(ctx, tx, id)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM unit_group_members WHERE group_id = ?`), id); err != nil {
		return fmt.Errorf("store: delete unit group %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE units SET members_group_id = NULL WHERE members_group_id = ?`), id); err != nil {
		return fmt.Errorf("store: delete unit group %d: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM unit_groups WHERE id = ?`), id); err != nil {
		return fmt.Errorf("store: delete unit group %d: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "unit_group.delete", "unit_group", id, before, nil); err != nil {
		return err
	}
	return db.commit(tx)
}

func (db *DB) setGroupMembers(ctx context.Context, tx *sql.Tx, id int64, members []int64) error {
	members = slices.Clone(members)
	slices.Sort(members)
	for _, u := range slices.Compact(members) {
		var one int
		err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT 1 FROM units WHERE id = ?`), u).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: unit group member %d: %w", u, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: unit group member %d: %w", u, err)
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO unit_group_members (group_id, unit_id) VALUES (?, ?)`), id, u); err != nil {
			return fmt.Errorf("store: unit group %d member %d: %w", id, u, err)
		}
	}
	return nil
}
