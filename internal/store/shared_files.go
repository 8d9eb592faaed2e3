package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// fileChunk is the size of the pieces a file kept in the database is
// stored in: large enough that a 20 MiB attachment is twenty rows, small
// enough that no row strains a connection's buffers or TOAST.
const fileChunk = 1 << 20

// beginShared starts a transaction for state the instances share but the
// audit chain does not cover (kept files, rate counters). On PostgreSQL it
// runs beside the writers, outside their advisory lock, on the reader
// pool: storing a 20 MiB file must not hold every other write up. On
// SQLite, whose readers may not write, it is a writer's transaction.
func (db *DB) beginShared(ctx context.Context) (*sql.Tx, error) {
	if db.dialect.name == "postgres" {
		return db.read.BeginTx(ctx, nil)
	}
	return db.beginWrite(ctx)
}

// PutFile keeps the file whose content is r (size bytes, SHA-256 sum,
// already checked by package files) in the database, for every instance
// to read. A file kept before is not written again: its time is renewed
// instead, so that SweepFileObjects takes it for the upload in flight it
// is. Concurrent puts of one file are safe: the second waits on the
// first's rows and then finds them.
func (db *DB) PutFile(ctx context.Context, sum string, size int64, r io.Reader) error {
	tx, err := db.beginShared(ctx)
	if err != nil {
		return fmt.Errorf("store: put file %s: %w", sum, err)
	}
	defer tx.Rollback()
	now := db.now()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE file_objects SET created_at = ? WHERE sha256 = ?`), now, sum)
	if err != nil {
		return fmt.Errorf("store: put file %s: %w", sum, err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return tx.Commit()
	}
	buf := make([]byte, fileChunk)
	chunks, total := 0, int64(0)
	for {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO file_chunks (sha256, seq, data) VALUES (?, ?, ?)
				ON CONFLICT (sha256, seq) DO NOTHING`), sum, chunks, buf[:n]); err != nil {
				return fmt.Errorf("store: put file %s: chunk %d: %w", sum, chunks, err)
			}
			chunks++
			total += int64(n)
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("store: put file %s: %w", sum, err)
		}
	}
	if total != size {
		return fmt.Errorf("store: put file %s: read %d bytes, expected %d", sum, total, size)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO file_objects (sha256, size, chunks, created_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`), sum, size, chunks, now); err != nil {
		return fmt.Errorf("store: put file %s: %w", sum, err)
	}
	return tx.Commit()
}

// HasFile says whether the file of SHA-256 sum is kept in the database.
func (db *DB) HasFile(ctx context.Context, sum string) (bool, error) {
	var n int
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM file_objects WHERE sha256 = ?`), sum).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: file %s: %w", sum, err)
	}
	return n > 0, nil
}

// OpenFile reads the file of SHA-256 sum kept in the database, whole (an
// attachment is at most 20 MiB). One not kept there is ErrNotFound; one
// whose pieces do not add up is an error, never a short file.
func (db *DB) OpenFile(ctx context.Context, sum string) (*bytes.Reader, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: file %s: %w", sum, err)
	}
	defer tx.Rollback()
	var size int64
	var chunks int
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT size, chunks FROM file_objects WHERE sha256 = ?`), sum).Scan(&size, &chunks)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: file %s: %w", sum, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: file %s: %w", sum, err)
	}
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT seq, data FROM file_chunks WHERE sha256 = ? ORDER BY seq`), sum)
	if err != nil {
		return nil, fmt.Errorf("store: file %s: %w", sum, err)
	}
	defer rows.Close()
	out := make([]byte, 0, size)
	next := 0
	for rows.Next() {
		var seq int
		var data []byte
		if err := rows.Scan(&seq, &data); err != nil {
			return nil, fmt.Errorf("store: file %s: %w", sum, err)
		}
		if seq != next {
			return nil, fmt.Errorf("store: file %s: piece %d missing", sum, next)
		}
		out = append(out, data...)
		next++
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: file %s: %w", sum, err)
	}
	if next != chunks || int64(len(out)) != size {
		return nil, fmt.Errorf("store: file %s: %d pieces of %d bytes, expected %d of %d", sum, next, len(out), chunks, size)
	}
	return bytes.NewReader(out), nil
}

// SweepFileObjects removes the files kept in the database that no record
// names and that were last put more than age ago by the store's clock (a
// younger one may be an upload whose record is not committed yet), and
// says how many went.
func (db *DB) SweepFileObjects(ctx context.Context, age time.Duration) (int, error) {
	olderThan := db.now().Add(-age)
	var named []string
	for _, t := range fileTables {
		named = append(named, `SELECT 1 FROM `+t+` r WHERE r.sha256 = o.sha256`)
	}
	orphans := `SELECT o.sha256 FROM file_objects o WHERE o.created_at < ? AND NOT EXISTS (` +
		strings.Join(named, ` UNION ALL `) + `)`
	tx, err := db.beginShared(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: sweep files: %w", err)
	}
	defer tx.Rollback()
	// The objects go first, each row locked as it goes: a put renewing
	// one meanwhile either waits and then writes it afresh, or renewed it
	// first and keeps it from this sweep.
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`DELETE FROM file_objects WHERE sha256 IN (`+orphans+`) RETURNING sha256`), olderThan.UTC())
	if err != nil {
		return 0, fmt.Errorf("store: sweep files: %w", err)
	}
	var gone []string
	for rows.Next() {
		var sum string
		if err := rows.Scan(&sum); err != nil {
			rows.Close()
			return 0, fmt.Errorf("store: sweep files: %w", err)
		}
		gone = append(gone, sum)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: sweep files: %w", err)
	}
	for _, sum := range gone {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM file_chunks WHERE sha256 = ?`), sum); err != nil {
			return 0, fmt.Errorf("store: sweep files: %w", err)
		}
	}
	return len(gone), tx.Commit()
}

// KeptFiles counts the files kept in the database and their bytes: what a
// backup of the database carries beside its records. A database of a
// schema before the files were kept there has none.
func (db *DB) KeptFiles(ctx context.Context) (n int, size int64, err error) {
	tables, err := db.tables(ctx)
	if err != nil {
		return 0, 0, err
	}
	if !slices.Contains(tables, "file_objects") {
		return 0, 0, nil
	}
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(size), 0) FROM file_objects`).Scan(&n, &size); err != nil {
		return 0, 0, fmt.Errorf("store: kept files: %w", err)
	}
	return n, size, nil
}
