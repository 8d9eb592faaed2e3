package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// ImportRegistry registers a batch of units and accounts in one
// transaction: every one with its own audit entry, or none at all. A
// parent named by a unit is looked up among the units registered before
// it (the registry's, or the batch's earlier ones). A name, alias or
// username taken is ErrConflict, a parent not found ErrNotFound; the
// plans' unit names are linked to the new units.
func (db *DB) ImportRegistry(ctx context.Context, actor audit.Actor, in records.RegistryImport) ([]Unit, []User, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("store: import registry: %w", err)
	}
	defer tx.Rollback()
	var units []Unit
	for _, u := range in.Units {
		if u.ParentName != "" {
			err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT id FROM units WHERE name = ?`), u.ParentName).Scan(&u.ParentID)
			if errors.Is(err, sql.ErrNoRows) {
				return nil, nil, fmt.Errorf("store: import registry: parent %q of %q: %w", u.ParentName, u.Name, ErrNotFound)
			}
			if err != nil {
				return nil, nil, fmt.Errorf("store: import registry: %w", err)
			}
		}
		created, err := db.createUnit(ctx, tx, actor, u.UnitCreate)
		if err != nil {
			return nil, nil, err
		}
		units = append(units, *created)
	}
	var users []User
	for _, u := range in.Users {
		created, err := db.createUser(ctx, tx, actor, u)
		if err != nil {
			return nil, nil, err
		}
		users = append(users, *created)
	}
	if len(units) > 0 {
		if err := db.linkTaskUnits(ctx, tx, 0); err != nil {
			return nil, nil, err
		}
	}
	return units, users, db.commit(tx)
}
