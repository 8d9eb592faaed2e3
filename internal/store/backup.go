package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the whole database to file while the
// database stays in use: SQLite's VACUUM INTO reads one snapshot beside the
// writer, and pg_dump does the same on PostgreSQL (which needs pg_dump on
// PATH or under /usr/lib/postgresql). file must not exist yet: an old
// backup is never overwritten by mistake. The copy is written under a
// temporary name and renamed when complete, so a file of that name is
// always a whole backup; it is readable by its owner only, since it holds
// password hashes and tokens' digests.
func (db *DB) Backup(ctx context.Context, file string) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("store: backup: %s: %w", abs, fs.ErrExist)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), ".duban-backup-*.tmp")
	if err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpName) // after a successful rename there is nothing to remove

	switch db.dialect.name {
	case "postgres":
		err = db.backupPostgres(ctx, tmpName)
	default:
		err = db.backupSQLite(ctx, tmpName)
	}
	if err != nil {
		return err
	}
	if err := syncFile(tmpName); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	if err := os.Rename(tmpName, abs); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	db.log.Info("database backed up", "database", db.Kind(), "file", abs)
	return nil
}

// Restore puts the backup in file (made by Backup, from the same kind of
// database) into the database opts names, which must be empty: a SQLite
// data folder without duban.db, or a PostgreSQL database without tables.
// Anything else is ErrNotEmpty; restoring over live data is a job for a
// person, not a command. The restored database is checked (a duban schema
// this binary can run, and on SQLite an integrity check) and left at the
// backup's schema version: Open migrates it as usual.
func Restore(ctx context.Context, opts Options, file string) error {
	switch {
	case opts.DSN == "":
		return restoreSQLite(ctx, opts, file)
	case isPostgresDSN(opts.DSN):
		return restorePostgres(ctx, opts, file)
	default:
		return fmt.Errorf("%w: store: restore: the DSN must be empty (SQLite) or start with postgres://", ErrInvalid)
	}
}

// checkMagic makes sure file starts with the bytes its format begins with,
// so that restoring the wrong file fails before anything changes.
func checkMagic(file, magic, what string) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer f.Close()
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != magic {
		return fmt.Errorf("%w: store: restore: %s is not %s", ErrInvalid, file, what)
	}
	return nil
}

// verifyRestored opens the restored database as it is and checks that it
// is a duban database this binary can run.
func verifyRestored(ctx context.Context, opts Options) error {
	opts.SkipMigrate = true
	db, err := Open(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: restore: check: %w", err)
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("store: restore: check: %w", err)
	}
	if v < 1 {
		return fmt.Errorf("%w: store: restore: the backup holds no duban schema", ErrInvalid)
	}
	if db.dialect.name == "sqlite" {
		var res string
		if err := db.read.QueryRowContext(ctx, `PRAGMA quick_check`).Scan(&res); err != nil {
			return fmt.Errorf("store: restore: check: %w", err)
		}
		if res != "ok" {
			return fmt.Errorf("%w: store: restore: the restored database is damaged: %s", ErrInvalid, res)
		}
	}
	return nil
}

// syncFile flushes a finished file to disk, so that a crash right after a
// backup or restore does not leave a named but empty file.
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeAll removes files, ignoring those already gone.
func removeAll(names ...string) error {
	var errs []error
	for _, n := range names {
		if err := os.Remove(n); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
