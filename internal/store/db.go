package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/cryptosuite"
)

// DefaultDataDir is where duban keeps its data when nothing else is said:
// a folder beside where it runs, so a first try needs no configuration.
const DefaultDataDir = "./duban-data"

// Options says where the database is and what the store may use.
type Options struct {
	// DataDir is the folder that holds the SQLite file duban.db. It is
	// created if missing. Empty means DefaultDataDir. It is not used when
	// DSN names a PostgreSQL database.
	DataDir string
	// DSN chooses the database: empty means SQLite in DataDir;
	// postgres://… or postgresql://… means that PostgreSQL database.
	DSN string
	// SkipMigrate opens the database as it is, without applying pending
	// migrations (a newer schema is still refused). Backups use it, so a
	// backup taken by a newer duban is a copy of what was there; a SQLite
	// file that does not exist is then an error rather than created.
	SkipMigrate bool
	// Init lets Open start afresh on a SQLite file that is empty or
	// damaged: the file is moved aside (duban.db.damaged-<time>) and a new
	// database is created. Without it such a file is refused with a
	// *DamagedError, so that a crash or a bad copy never boots as a fresh
	// install or serves from broken pages.
	Init bool
	// Crypto names the crypto suite (cryptosuite.NameDefault, "" for it,
	// or cryptosuite.NameGM) and DataKeyFile the file holding the gm
	// suite's 128-bit data key. A database records the suite it was begun
	// with and is refused under the other (ErrCryptoMismatch).
	Crypto      string
	DataKeyFile string
	// AdoptCrypto opens the database with the suite it records, whatever
	// Crypto says and without reading a key: the audit commands hash the
	// chain but read no personal data.
	AdoptCrypto bool
	// Now is the clock; nil means time.Now. Tests pass a fixed one.
	Now func() time.Time
	// Logger receives the few events worth an administrator's attention
	// (migrations applied); nil means slog.Default().
	Logger *slog.Logger
}

// DB is an open database. It is safe for concurrent use.
type DB struct {
	// writes counts committed write transactions of this process, and
	// version caches the data version (see DataVersion).
	writes  atomic.Uint64
	version versionCache
	// ratePurged is when (Unix seconds) this process last removed old
	// rate counts (CountRate).
	ratePurged atomic.Int64
	// counts keeps list totals for the data version they were counted at.
	counts countMemo
	// scopeVersions caches ScopeVersion's answers like version.
	scopeVersions scopeVersions
	// stmts are the task list's prepared statements (readStmt).
	stmts readStmts

	dialect dialect
	// write and read are the two pools. The writer has a single
	// connection, because one writer at a time is the rule (SQLite's own,
	// an advisory lock on PostgreSQL) and queuing in database/sql is kinder
	// than SQLITE_BUSY or a pile of sessions waiting on a lock; readers
	// share a larger pool, which WAL (or PostgreSQL) lets run beside the
	// writer.
	write *sql.DB
	read  *sql.DB
	// closeOnce closes the pools once. The fields stay set: a reader still
	// at work when the database closes (a snapshot refresh in the
	// background) gets database/sql's "database is closed", not a nil
	// pointer.
	closeOnce sync.Once
	closeErr  error
	now       func() time.Time // UTC, whole microseconds: see storedTime
	log       *slog.Logger
	// path is the SQLite file's absolute path; dsn the PostgreSQL DSN.
	// Backups need them to reach the database from outside the pools.
	path string
	dsn  string
	// suite is the crypto suite the database records, and chain the
	// audit chain hashed with it.
	suite cryptosuite.Suite
	chain audit.Chain
}

// Open opens (creating if needed) the database that opts names and brings
// its schema up to date. It fails with ErrSchemaTooNew if a newer duban has
// already migrated the database further than this one knows.
func Open(ctx context.Context, opts Options) (*DB, error) {
	db := &DB{now: storedTime(opts.Now), log: opts.Logger}
	if db.log == nil {
		db.log = slog.Default()
	}
	var err error
	switch {
	case opts.DSN == "":
		err = db.openSQLite(ctx, opts)
	case isPostgresDSN(opts.DSN):
		err = db.openPostgres(ctx, opts.DSN)
	default:
		// Never echo the DSN: it may hold a password.
		return nil, fmt.Errorf("%w: store: open: the DSN must be empty (SQLite) or start with postgres://", ErrInvalid)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	if opts.SkipMigrate {
		err = db.checkSchema(ctx)
	} else {
		err = db.migrate(ctx)
		if err == nil {
			// Tasks stored before the search index (0032) get their
			// search lines; a no-op once they have them.
			err = db.backfillTaskSearch(ctx)
		}
	}
	if err == nil {
		err = db.settleCrypto(ctx, opts)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// storedTime wraps the clock so that every instant the store writes is in
// UTC and whole microseconds: PostgreSQL keeps no finer, and a time read
// back must equal the one written (the audit chain hashes them) whichever
// database holds it.
func storedTime(now func() time.Time) func() time.Time {
	if now == nil {
		now = time.Now
	}
	return func() time.Time { return now().UTC().Truncate(time.Microsecond) }
}

// Kind names the database: "sqlite" or "postgres".
func (db *DB) Kind() string { return db.dialect.name }

// Path says where the database is, for messages: the SQLite file's
// absolute path, or the PostgreSQL DSN without its password.
func (db *DB) Path() string {
	if db.dsn != "" {
		return redactDSN(db.dsn)
	}
	return db.path
}

// Close closes both pools. Transactions still open are rolled back.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		var errs []error
		if db.read != nil && db.read != db.write {
			errs = append(errs, db.read.Close())
		}
		if db.write != nil {
			errs = append(errs, db.write.Close())
		}
		if err := errors.Join(errs...); err != nil {
			db.closeErr = fmt.Errorf("store: close: %w", err)
		}
	})
	return db.closeErr
}

// beginWrite starts a transaction that may write. Writers take turns on
// both databases: SQLite's writer is BEGIN IMMEDIATE on one connection,
// and PostgreSQL's takes the dialect's advisory lock first. The store's
// read-then-write steps (an import's duplicate check, the audit chain's
// head) are thus written once, for one writer at a time, and stay correct
// on PostgreSQL's READ COMMITTED without per-query locking.
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	if db.dialect.lockWriters != "" {
		if _, err := tx.ExecContext(ctx, db.dialect.lockWriters); err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("wait for the writer lock: %w", err)
		}
	}
	return tx, nil
}

// beginRead starts a read-only transaction, so that the several queries of
// one lookup see one snapshot.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	opts := db.dialect.readTx
	return db.read.BeginTx(ctx, &opts)
}

// tables lists the database's own tables (not the engine's), sorted.
func (db *DB) tables(ctx context.Context) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.tablesQuery)
	if err != nil {
		return nil, fmt.Errorf("store: list tables: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("store: list tables: %w", err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list tables: %w", err)
	}
	sort.Strings(names)
	return names, nil
}

// hasTable reports whether the database has a table of that name.
func (db *DB) hasTable(ctx context.Context, name string) (bool, error) {
	names, err := db.tables(ctx)
	if err != nil {
		return false, err
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true, nil
		}
	}
	return false, nil
}
