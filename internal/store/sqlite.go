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
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver

	"github.com/duban/duban/internal/i18n"
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
	readTx: sql.TxOptions{ReadOnly: true},
	// A virtual table (the FTS5 search index) is listed, the tables
	// that hold its data (type shadow) are not.
	tablesQuery: `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name`,
	unitColumnsQuery: `SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'unit_id'
		UNION SELECT m.name, f."from" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = 'units' ORDER BY 1, 2`,
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
	err = db.openSQLiteFile(ctx, abs)
	var damaged *DamagedError
	if !errors.As(err, &damaged) || !opts.Init {
		return err
	}
	db.Close()
	moved, err := moveAside(abs, db.now())
	if err != nil {
		return err
	}
	db.log.Warn("damaged database moved aside; starting afresh", "file", abs, "moved_to", moved, "reason", damaged.Detail)
	return db.openSQLiteFile(ctx, abs)
}

// openSQLiteFile checks the file at abs (see checkSQLiteFile) and opens
// the two pools on it.
func (db *DB) openSQLiteFile(ctx context.Context, abs string) error {
	existed, err := checkSQLiteHeader(abs)
	if err != nil {
		return err
	}
	if !existed {
		if err := createSQLiteFile(ctx, db.dialect.driver, abs); err != nil {
			return err
		}
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
		if isCorrupt(err) {
			return &DamagedError{Path: abs, Detail: err.Error()}
		}
		return fmt.Errorf("store: open %s: %w", abs, err)
	}
	if existed {
		return quickCheck(ctx, db.write, abs)
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

// DamagedError says that the SQLite file at Path is empty or damaged, so
// that duban refuses it rather than start afresh over it or serve from
// broken pages. Its message, from the catalogue, names the file and the
// way out (restore from a backup, or --init).
type DamagedError struct {
	Path   string
	Empty  bool
	Detail string // what SQLite found, for the log and the operator
}

func (e *DamagedError) Error() string {
	if e.Empty {
		return i18n.Lookup(i18n.Default, "store.db_empty", "file", e.Path)
	}
	return i18n.Lookup(i18n.Default, "store.db_damaged", "file", e.Path, "detail", e.Detail)
}

// checkSQLiteHeader looks at the file before SQLite does: no file is a
// new database; a file of no bytes, or one that does not begin as every
// SQLite database does, is refused. It reports whether the file existed.
func checkSQLiteHeader(abs string) (bool, error) {
	f, err := os.Open(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: open %s: %w", abs, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0:
		return true, &DamagedError{Path: abs, Empty: true}
	case err != nil || string(head) != sqliteMagic:
		return true, &DamagedError{Path: abs, Detail: i18n.Lookup(i18n.Default, "store.db_not_sqlite")}
	}
	return true, nil
}

// createSQLiteFile makes a new, empty database at abs that is never seen
// there without its header: it is made under a temporary name and linked
// into place, which fails if another start made one meanwhile (that one
// is then used). So a zero-length duban.db is always damage, never a
// database being created, and is refused as such. Where the file system
// has no hard links the file is renamed into place instead.
func createSQLiteFile(ctx context.Context, driver, abs string) error {
	f, err := os.CreateTemp(filepath.Dir(abs), filepath.Base(abs)+".new-*")
	if err != nil {
		return fmt.Errorf("store: create %s: %w", abs, err)
	}
	tmp := f.Name()
	f.Close()
	defer removeAll(tmp, tmp+"-wal", tmp+"-shm", tmp+"-journal")
	conn, err := sql.Open(driver, sqliteDSN(tmp, sqliteWriter))
	if err == nil {
		err = conn.PingContext(ctx) // writes the header, in WAL mode
		err = errors.Join(err, conn.Close())
	}
	if err != nil {
		return fmt.Errorf("store: create %s: %w", abs, err)
	}
	switch err := os.Link(tmp, abs); {
	case err == nil, errors.Is(err, fs.ErrExist):
		return nil
	default:
		if err := os.Rename(tmp, abs); err != nil {
			return fmt.Errorf("store: create %s: %w", abs, err)
		}
		return nil
	}
}

// quickCheck runs SQLite's quick_check over a file that existed before
// this start, so that damaged pages are found before anything is served
// from them or written over them. It reads every page once (about a
// second per GB) and is skipped for a file just created.
func quickCheck(ctx context.Context, pool *sql.DB, abs string) error {
	rows, err := pool.QueryContext(ctx, `PRAGMA quick_check(5)`)
	if err != nil {
		if isCorrupt(err) {
			return &DamagedError{Path: abs, Detail: err.Error()}
		}
		return fmt.Errorf("store: check %s: %w", abs, err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("store: check %s: %w", abs, err)
		}
		found = append(found, line)
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return &DamagedError{Path: abs, Detail: err.Error()}
		}
		return fmt.Errorf("store: check %s: %w", abs, err)
	}
	if len(found) != 1 || found[0] != "ok" {
		return &DamagedError{Path: abs, Detail: strings.Join(found, "; ")}
	}
	return nil
}

// isCorrupt reports SQLITE_CORRUPT and SQLITE_NOTADB, the answers SQLite
// gives for a damaged file.
func isCorrupt(err error) bool {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return false
	}
	c := coded.Code() & 0xff
	return c == 11 || c == 26
}

// moveAside renames a refused database file, and whatever journal files
// lie beside it, out of the way, keeping them for whoever wants to
// rescue what is in them. It returns the new name of the file.
func moveAside(abs string, now time.Time) (string, error) {
	to := abs + ".damaged-" + now.UTC().Format("20060102T150405Z")
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		if err := os.Rename(abs+suffix, to+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("store: move %s aside: %w", abs+suffix, err)
		}
	}
	return to, nil
}
