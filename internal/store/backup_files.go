package store

import (
	"context"
	"fmt"
)

// fileTables are the tables whose rows name kept files by their SHA-256
// (the files store, internal/files). A new table of attachments belongs
// here too, or the sweep at start would take its files for orphans.
var fileTables = []string{"attachments", "ticket_files", "finding_files", "decision_files"}

// FileSums returns the SHA-256 of every kept file a record names, so
// that the files store can tell its orphans (uploads whose record never
// came) from the files in use.
func (db *DB) FileSums(ctx context.Context) (map[string]bool, error) {
	out := map[string]bool{}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: file sums: %w", err)
	}
	defer tx.Rollback()
	for _, t := range fileTables {
		rows, err := tx.QueryContext(ctx, `SELECT DISTINCT sha256 FROM `+t)
		if err != nil {
			return nil, fmt.Errorf("store: file sums: %s: %w", t, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: file sums: %s: %w", t, err)
			}
			out[s] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: file sums: %s: %w", t, err)
		}
	}
	return out, nil
}
