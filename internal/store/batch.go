package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// batchRows is how many rows one multi-row statement carries: few enough
// that a wide row stays under either database's limit on parameters
// (SQLite 32,766, PostgreSQL 65,535), many enough that a plan's tasks and
// their parts go in a handful of round trips instead of hundreds.
const batchRows = 500

// insertBatch inserts rows (each of len(cols) values) into table with
// multi-row INSERTs, batchRows at a time. returning, when not empty, is
// a RETURNING list whose rows each is called with.
func (db *DB) insertBatch(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any, returning string, each func(*sql.Rows) error) error {
	for start := 0; start < len(rows); start += batchRows {
		q, args := insertValues(table, cols, rows[start:min(start+batchRows, len(rows))])
		if returning == "" {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(q), args...); err != nil {
				return fmt.Errorf("insert %s: %w", table, err)
			}
			continue
		}
		res, err := tx.QueryContext(ctx, db.dialect.rebind(q+" RETURNING "+returning), args...)
		if err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
		for res.Next() {
			if err := each(res); err != nil {
				res.Close()
				return fmt.Errorf("insert %s: %w", table, err)
			}
		}
		res.Close()
		if err := res.Err(); err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
	}
	return nil
}

// upsertBatch inserts rows as insertBatch does, each row that conflicts
// doing what conflict says: "(key) DO UPDATE SET …".
func (db *DB) upsertBatch(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any, conflict string) error {
	for start := 0; start < len(rows); start += batchRows {
		q, args := insertValues(table, cols, rows[start:min(start+batchRows, len(rows))])
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(q+" ON CONFLICT "+conflict), args...); err != nil {
			return fmt.Errorf("upsert %s: %w", table, err)
		}
	}
	return nil
}

// insertValues is one multi-row INSERT of rows into table and its
// arguments.
func insertValues(table string, cols []string, rows [][]any) (string, []any) {
	mark := "(" + marks(len(cols)) + ")"
	var q strings.Builder
	q.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	args := make([]any, 0, len(rows)*len(cols))
	for i, r := range rows {
		if i > 0 {
			q.WriteString(", ")
		}
		q.WriteString(mark)
		args = append(args, r...)
	}
	return q.String(), args
}

// updateTaskDates writes each task's due, next due and cadence, in
// UPDATE … FROM (VALUES …) statements of batchRows tasks; PostgreSQL is
// told the values' types, which it cannot infer from a VALUES list.
func (db *DB) updateTaskDates(ctx context.Context, tx *sql.Tx, rows [][]any) error {
	if len(rows) == 1 {
		r := rows[0]
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET due = ?, next_due = ?, every = ? WHERE id = ?`), r[1], r[2], r[3], r[0]); err != nil {
			return fmt.Errorf("store: task %v dates: %w", r[0], err)
		}
		return nil
	}
	mark := "(?, ?, ?, ?)"
	if db.Kind() == "postgres" {
		mark = "(CAST(? AS BIGINT), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS TEXT))"
	}
	for start := 0; start < len(rows); start += batchRows {
		chunk := rows[start:min(start+batchRows, len(rows))]
		marks := make([]string, len(chunk))
		args := make([]any, 0, 4*len(chunk))
		for i, r := range chunk {
			marks[i] = mark
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			UPDATE tasks SET due = v.column2, next_due = v.column3, every = v.column4
			FROM (VALUES `+strings.Join(marks, ", ")+`) AS v WHERE tasks.id = v.column1`), args...); err != nil {
			return fmt.Errorf("store: task dates: %w", err)
		}
	}
	return nil
}
