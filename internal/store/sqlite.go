package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// sqliteDialect is SQLite through modernc.org/sqlite: no cgo, so the binary
// cross-compiles to every target the offices use.
var sqliteDialect = dialect{
	name:   "sqlite",
	driver: "sqlite",
	migrationsTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL
)`,
	// The single writer connection and BEGIN IMMEDIATE already make
	// writers take turns, across processes too.
	lockWriters: "",
	// A SQLite transaction reads one snapshot from its first read on.
	readTx:      sql.TxOptions{ReadOnly: true},
	tablesQuery: `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
}

// sqliteFile is the database file's name inside the data folder.
const sqliteFile = "duban.db"

// sqlitePath is the absolute path of the database file in dataDir.
func sqlitePath(dataDir string) (string, error) {
	if dataDir == "" {
		dataDir = DefaultDataDir
	}
	abs, err := filepath.Abs(filepath.Join(dataDir, sqliteFile))
	if err != nil {
		return "", fmt.Errorf("store: locate database: %w", err)
	}
	return abs, nil
}

// openSQLite opens the two pools on the file in opts.DataDir.
func (db *DB) openSQLite(ctx context.Context, opts Options) error {
	db.dialect = sqliteDialect
	abs, err := sqlitePath(opts.DataDir)
	if err != nil {
		return err
	}
	db.path = abs
	if opts.SkipMigrate {
		// Opening would create an empty file, and a backup of nothing
		// is a mistake worth saying.
		if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("store: no database at %s: %w", abs, err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
		return fmt.Errorf("store: create data folder: %w", err)
	}

	if db.write, err = sql.Open(db.dialect.driver, sqliteDSN(abs, sqliteWriter)); err != nil {
		return fmt.Errorf("store: open %s: %w", abs, err)
	}
	db.write.SetMaxOpenConns(1)
	db.write.SetMaxIdleConns(1)
	db.write.SetConnMaxLifetime(0) // keep the one connection and its statement cache
	db.write.SetConnMaxIdleTime(0)

	if db.read, err = sql.Open(db.dialect.driver, sqliteDSN(abs, sqliteReader)); err != nil {
		return fmt.Errorf("store: open %s: %w", abs, err)
	}
	n := max(4, runtime.NumCPU())
	db.read.SetMaxOpenConns(n)
	db.read.SetMaxIdleConns(n)

	// The writer connects first: it switches the file to WAL and creates
	// the schema, which the query_only readers could not.
	if err := pingSQLite(ctx, db.write); err != nil {
		return fmt.Errorf("store: open %s: %w", abs, err)
	}
	return nil
}

// pingSQLite connects, retrying while the file is busy. Two processes
// switching a new file to WAL at once both hold a shared lock and want an
// exclusive one; SQLite answers one of them SQLITE_BUSY at once, without
// waiting busy_timeout, since waiting could deadlock. Trying again after
// the other has finished succeeds.
func pingSQLite(ctx context.Context, pool *sql.DB) error {
	delay := 10 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := pool.PingContext(ctx)
		var coded interface{ Code() int }
		if err == nil || attempt == 8 || !errors.As(err, &coded) || coded.Code()&0xff != sqliteBusy {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// sqliteBusy is SQLITE_BUSY, the primary result code (extended codes
// carry it in their low byte).
const sqliteBusy = 5

// sqliteRole is what a connection to the file is for.
type sqliteRole int

const (
	sqliteWriter sqliteRole = iota
	sqliteReader
	sqliteBackup
)

// sqliteDSN builds the connection string for the database file at path.
// modernc applies each _pragma to every new connection, which is what
// foreign_keys and busy_timeout need: they are per-connection settings.
//
// The writer begins its transactions IMMEDIATE, taking the write lock at
// BEGIN: a deferred transaction that reads and then writes can fail with
// SQLITE_BUSY at its first write, where busy_timeout no longer helps.
// The reader pool is query_only, so a write through it is a loud error
// instead of a second writer. A backup connection reads like a reader but
// may write its copy, which query_only would forbid.
func sqliteDSN(path string, role sqliteRole) string {
	// The DSN is a file: URI, which SQLite percent-decodes; escape the
	// characters that would otherwise end or mangle the path.
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/…
	}
	p = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
	q := "_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	switch role {
	case sqliteWriter:
		q += "&_txlock=immediate"
	case sqliteReader:
		q += "&_pragma=query_only(1)"
	}
	return "file://" + p + "?" + q
}
