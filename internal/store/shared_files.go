package store

import (
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

// OpenFile opens the file of SHA-256 sum kept in the database, for
// reading and seeking: its pieces are read one at a time as the reader
// reaches them, so a download holds at most one piece (1 MiB) in memory
// however large the file. One not kept there is ErrNotFound; a piece
// missing or of the wrong length is an error, never a short file.
func (db *DB) OpenFile(ctx context.Context, sum string) (io.ReadSeeker, error) {
	f := &fileReader{ctx: ctx, db: db, sum: sum, seq: -1}
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT size, chunks FROM file_objects WHERE sha256 = ?`), sum).Scan(&f.size, &f.chunks)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: file %s: %w", sum, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: file %s: %w", sum, err)
	}
	if want := (f.size + fileChunk - 1) / fileChunk; int64(f.chunks) != want {
		return nil, fmt.Errorf("store: file %s: %d pieces for %d bytes", sum, f.chunks, f.size)
	}
	return f, nil
}

// fileReader reads a file kept in the database piece by piece: every
// piece but the last is fileChunk bytes (PutFile), so a position names
// its piece.
type fileReader struct {
	ctx    context.Context
	db     *DB
	sum    string
	size   int64
	chunks int
	pos    int64
	seq    int    // the piece in cur; -1 none
	cur    []byte // its bytes
}

func (f *fileReader) Read(p []byte) (int, error) {
	if f.pos >= f.size {
		return 0, io.EOF
	}
	seq := int(f.pos / fileChunk)
	if seq != f.seq {
		var data []byte
		err := f.db.read.QueryRowContext(f.ctx, f.db.dialect.rebind(`SELECT data FROM file_chunks WHERE sha256 = ? AND seq = ?`), f.sum, seq).Scan(&data)
		if err != nil {
			return 0, fmt.Errorf("store: file %s: piece %d: %w", f.sum, seq, err)
		}
		want := int64(fileChunk)
		if seq == f.chunks-1 {
			want = f.size - int64(seq)*fileChunk
		}
		if int64(len(data)) != want {
			return 0, fmt.Errorf("store: file %s: piece %d has %d bytes, expected %d", f.sum, seq, len(data), want)
		}
		f.seq, f.cur = seq, data
	}
	n := copy(p, f.cur[f.pos-int64(seq)*fileChunk:])
	f.pos += int64(n)
	return n, nil
}

func (f *fileReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += f.pos
	case io.SeekEnd:
		offset += f.size
	default:
		return 0, fmt.Errorf("store: file %s: seek whence %d", f.sum, whence)
	}
	if offset < 0 {
		return 0, fmt.Errorf("store: file %s: seek to %d", f.sum, offset)
	}
	f.pos = offset
	return offset, nil
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
