package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

func validUnitKind(k string) bool {
	for _, x := range UnitKinds {
		if k == x {
			return true
		}
	}
	return false
}

// CreateUnit adds a unit to the registry.
func (db *DB) CreateUnit(ctx context.Context, actor audit.Actor, in UnitCreate) (*Unit, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: create unit: %w", err)
	}
	defer tx.Rollback()
	u, err := db.createUnit(ctx, tx, actor, in)
	if err != nil {
		return nil, err
	}
	if err := db.linkTaskUnits(ctx, tx, 0); err != nil {
		return nil, err
	}
	return u, db.commit(tx)
}

// createUnit inserts a unit with its aliases and its audit entry; the
// caller links the plans' unit names afterwards.
func (db *DB) createUnit(ctx context.Context, tx *sql.Tx, actor audit.Actor, in UnitCreate) (*Unit, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" || !validUnitKind(in.Kind) {
		return nil, fmt.Errorf("store: create unit: name %q kind %q: %w", in.Name, in.Kind, ErrInvalid)
	}
	email, err := NormalizeEmails(in.Email)
	if err != nil {
		return nil, err
	}
	var id int64
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO units (name, parent_id, kind, email, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		in.Name, nullID(in.ParentID), in.Kind, email, db.now().UTC().Truncate(time.Microsecond)).Scan(&id)
	if err != nil {
		return nil, fmt.Errorf("store: create unit %q: %w", in.Name, conflict(err))
	}
	if err := db.setAliases(ctx, tx, id, in.Aliases); err != nil {
		return nil, err
	}
	u, err := db.findUnit(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "unit.create", "unit", id, nil, u); err != nil {
		return nil, err
	}
	return u, nil
}

// UpdateUnit changes a unit. Moving a unit under itself or its own
// descendant is refused.
func (db *DB) UpdateUnit(ctx context.Context, actor audit.Actor, id int64, up UnitUpdate) (*Unit, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: update unit: %w", err)
	}
	defer tx.Rollback()
	before, err := db.findUnit(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	after := *before
	if up.Name != nil {
		after.Name = strings.TrimSpace(*up.Name)
	}
	if up.Kind != nil {
		after.Kind = *up.Kind
	}
	if up.Email != nil {
		if after.Email, err = NormalizeEmails(*up.Email); err != nil {
			return nil, err
		}
	}
	if up.ParentID != nil {
		after.ParentID = *up.ParentID
		if err := db.checkNoCycle(ctx, tx, id, after.ParentID); err != nil {
			return nil, err
		}
	}
	if up.MembersGroupID != nil {
		after.MembersGroupID = *up.MembersGroupID
		if after.MembersGroupID != 0 {
			if _, err := db.findUnitGroup(ctx, tx, after.MembersGroupID); err != nil {
				return nil, err
			}
		}
	}
	if after.Name == "" || !validUnitKind(after.Kind) {
		return nil, fmt.Errorf("store: update unit %d: %w", id, ErrInvalid)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE units SET name = ?, parent_id = ?, kind = ?, email = ?, members_group_id = ? WHERE id = ?`),
		after.Name, nullID(after.ParentID), after.Kind, after.Email, nullID(after.MembersGroupID), id); err != nil {
		return nil, fmt.Errorf("store: update unit %d: %w", id, conflict(err))
	}
	if up.Aliases != nil {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM unit_aliases WHERE unit_id = ?`), id); err != nil {
			return nil, fmt.Errorf("store: update unit %d: %w", id, err)
		}
		if err := db.setAliases(ctx, tx, id, *up.Aliases); err != nil {
			return nil, err
		}
	}
	if err := db.linkTaskUnits(ctx, tx, 0); err != nil {
		return nil, err
	}
	u, err := db.findUnit(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "unit.update", "unit", id, before, u); err != nil {
		return nil, err
	}
	return u, db.commit(tx)
}

func (db *DB) checkNoCycle(ctx context.Context, tx *sql.Tx, id, parent int64) error {
	for p, depth := parent, 0; p != 0; depth++ {
		if p == id || depth > 64 {
			return fmt.Errorf("store: unit %d cannot sit under its own descendant: %w", id, ErrInvalid)
		}
		var next sql.NullInt64
		err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT parent_id FROM units WHERE id = ?`), p).Scan(&next)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: parent unit %d: %w", p, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("store: unit parents: %w", err)
		}
		p = next.Int64
	}
	return nil
}

func (db *DB) setAliases(ctx context.Context, tx *sql.Tx, id int64, aliases []string) error {
	for _, a := range aliases {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO unit_aliases (alias, unit_id) VALUES (?, ?)`), a, id); err != nil {
			return fmt.Errorf("store: alias %q: %w", a, conflict(err))
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// NormalizeEmails is records.NormalizeEmails, under the store's old name.
func NormalizeEmails(s string) (string, error) { return records.NormalizeEmails(s) }
