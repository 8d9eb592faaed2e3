package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// sqliteMagic is how every SQLite database file begins.
const sqliteMagic = "SQLite format 3\x00"

// backupSQLite writes the database into the empty file tmp with VACUUM
// INTO: one read transaction, so the copy is a consistent snapshot, taken
// on a connection of its own beside the writer, which WAL lets go on
// writing (the query_only readers may not run it, the single writer should
// not be held up by it). The copy is also compacted and needs no -wal file
// beside it.
func (db *DB) backupSQLite(ctx context.Context, tmp string) error {
	conn, err := sql.Open(db.dialect.driver, sqliteDSN(db.path, sqliteBackup))
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return fmt.Errorf("store: backup: vacuum into %s: %w", tmp, err)
	}
	return conn.Close()
}

// restoreSQLite copies the backup into the data folder as duban.db. The
// copy lands under a temporary name first, so an interrupted restore
// leaves no half-written duban.db that a later start would take for data.
func restoreSQLite(ctx context.Context, opts Options, file string) error {
	if err := checkMagic(file, sqliteMagic, "a SQLite backup"); err != nil {
		return err
	}
	path, err := sqlitePath(opts.DataDir)
	if err != nil {
		return err
	}
	sidecars := []string{path, path + "-wal", path + "-shm", path + "-journal"}
	for _, n := range sidecars {
		if _, err := os.Lstat(n); err == nil {
			return fmt.Errorf("%w: store: restore: %s exists; restore needs a data folder without a database", ErrNotEmpty, n)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return fmt.Errorf("store: restore: create data folder: %w", err)
	}
	if err := copyNew(ctx, file, path); err != nil {
		return err
	}
	if err := verifyRestored(ctx, opts); err != nil {
		// Leave the folder as empty as it was, so the restore can be
		// retried with the right file.
		return errors.Join(err, removeAll(sidecars...))
	}
	return nil
}

// copyNew copies src to dst, which must not exist, through a temporary
// file in dst's folder that is synced and then renamed.
func copyNew(ctx context.Context, src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".duban-restore-*.tmp")
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	_, err = io.Copy(tmp, ctxReader{ctx, in})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("store: restore: copy %s: %w", src, err)
	}
	if _, err := os.Lstat(dst); !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: store: restore: %s appeared meanwhile", ErrNotEmpty, dst)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	return nil
}

// ctxReader stops a long copy when its context ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
