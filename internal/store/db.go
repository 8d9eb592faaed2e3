package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// DefaultDataDir is where duban keeps its data when nothing else is said:
// a folder beside where it runs, so a first try needs no configuration.
const DefaultDataDir = "./duban-data"

// Options says where the database is and what the store may use.
type Options struct {
	// DataDir is the folder that holds the SQLite file duban.db. It is
	// created if missing. Empty means DefaultDataDir.
	DataDir string
	// Now is the clock; nil means time.Now. Tests pass a fixed one.
	Now func() time.Time
	// Logger receives the few events worth an administrator's attention
	// (migrations applied); nil means slog.Default().
	Logger *slog.Logger
}

// DB is an open database. It is safe for concurrent use.
type DB struct {
	dialect dialect
	// write and read are the two pools. On SQLite the writer has a single
	// connection, because SQLite allows one writer at a time and queuing in
	// database/sql is kinder than SQLITE_BUSY; readers share a larger pool,
	// which WAL lets run beside the writer. On a server database both
	// fields point to one pool.
	write *sql.DB
	read  *sql.DB
	now   func() time.Time
	log   *slog.Logger
	path  string
}

// Open opens (creating if needed) the database in opts.DataDir and brings
// its schema up to date. It fails with ErrSchemaTooNew if a newer duban has
// already migrated the database further than this one knows.
func Open(ctx context.Context, opts Options) (*DB, error) {
	dir := opts.DataDir
	if dir == "" {
		dir = DefaultDataDir
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: create data folder: %w", err)
	}
	abs, err := filepath.Abs(filepath.Join(dir, sqliteFile))
	if err != nil {
		return nil, fmt.Errorf("store: locate database: %w", err)
	}
	db := &DB{dialect: sqliteDialect, now: opts.Now, log: opts.Logger, path: abs}
	if db.now == nil {
		db.now = time.Now
	}
	if db.log == nil {
		db.log = slog.Default()
	}

	if db.write, err = sql.Open(db.dialect.driver, sqliteDSN(abs, true)); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0) // keep the one connection and its statement cache
	db.write.SetConnMaxIdleTime(0)

	if db.read, err = sql.Open(db.dialect.driver, sqliteDSN(abs, false)); err != nil {
		db.write.Close()
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	n := max(4, runtime.NumCPU())
	db.read.SetMaxOpenConns(n)
	db.read.SetMaxIdleConns(n)

	// The writer connects first: it switches the file to WAL and creates
	// the schema, which the query_only readers could not.
	if err := db.write.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", abs, err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Path is the database file's absolute path, for messages and backups.
func (db *DB) Path() string { return db.path }

// Close closes both pools. Transactions still open are rolled back.
func (db *DB) Close() error {
	var errs []error
	if db.read != nil && db.read != db.write {
		errs = append(errs, db.read.Close())
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// beginWrite starts a transaction on the writer. On SQLite it is BEGIN
// IMMEDIATE, so the write lock is held from the start.
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	return db.write.BeginTx(ctx, nil)
}

// beginRead starts a read-only transaction, so that the several queries of
// one lookup see one snapshot.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}
