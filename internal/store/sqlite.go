package store

import (
	"path/filepath"
	"strings"

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
}

// sqliteFile is the database file's name inside the data folder.
const sqliteFile = "duban.db"

// sqliteDSN builds the connection string for the database file at path.
// modernc applies each _pragma to every new connection, which is what
// foreign_keys and busy_timeout need: they are per-connection settings.
//
// The writer begins its transactions IMMEDIATE, taking the write lock at
// BEGIN: a deferred transaction that reads and then writes can fail with
// SQLITE_BUSY at its first write, where busy_timeout no longer helps.
// The reader pool is query_only, so a write through it is a loud error
// instead of a second writer.
func sqliteDSN(path string, writer bool) string {
	// The DSN is a file: URI, which SQLite percent-decodes; escape the
	// characters that would otherwise end or mangle the path.
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/…
	}
	p = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
	q := "_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)"
	if writer {
		q += "&_txlock=immediate"
	} else {
		q += "&_pragma=query_only(1)"
	}
	return "file://" + p + "?" + q
}
