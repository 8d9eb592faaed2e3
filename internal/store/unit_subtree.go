package store

import (
	"context"
	"fmt"
	"strings"
)

// UnitSubtree returns the units ids and every unit below them in the
// registry tree (units.parent_id), in id order: the scope of an office or
// a leader bound to those units (分级督查). Unknown ids add nothing.
func (db *DB) UnitSubtree(ctx context.Context, ids []int64) ([]int64, error) {
	if len(ids) == 0 {
		return []int64{}, nil
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: unit subtree: %w", err)
	}
	defer tx.Rollback()
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// UNION (not UNION ALL) stops at a unit already reached, so a cycle
	// in a damaged registry cannot loop.
	q := `WITH RECURSIVE sub(id) AS (
		SELECT id FROM units WHERE id IN (?` + strings.Repeat(`, ?`, len(ids)-1) + `)
		UNION
		SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id
	) SELECT id FROM sub ORDER BY id`
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: unit subtree: %w", err)
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: unit subtree: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
