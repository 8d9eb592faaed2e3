package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
)

// postgresDialect is PostgreSQL through pgx's database/sql adapter, so the
// same statements and scans serve both databases.
var postgresDialect = dialect{
	name:   "postgres",
	driver: "pgx",
	dollar: true,
	migrationsTable: `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TIMESTAMPTZ NOT NULL
)`,
	// One transaction-scoped advisory lock for every writer, across all
	// processes on the database: writers take turns as they do on SQLite,
	// and two duban processes starting at once do not both migrate. The
	// key is "duban\x00\x00\x01" read as a number; any constant would do,
	// as long as nothing else on the database uses it.
	lockWriters: `SELECT pg_advisory_xact_lock(7238800146664783873)`,
	// READ COMMITTED, PostgreSQL's default, takes a snapshot per
	// statement; a lookup of several queries wants one.
	readTx:      sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead},
	tablesQuery: `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
	unitColumnsQuery: `SELECT table_name::text, column_name::text FROM information_schema.columns
		WHERE table_schema = current_schema() AND column_name = 'unit_id'
		UNION SELECT cl.relname::text, a.attname::text FROM pg_constraint k
		JOIN pg_class cl ON cl.oid = k.conrelid
		JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
		WHERE k.contype = 'f' AND k.confrelid = 'units'::regclass ORDER BY 1, 2`,
}

// postgresReaders bounds the reader pool. duban's load is a few dozen
// people and some scripts; ten connections serve that, and leave the
// server's max_connections (100 by default) to other clients and to a
// second duban.
const postgresReaders = 10

// isPostgresDSN reports whether dsn names a PostgreSQL database.
func isPostgresDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openPostgres opens the two pools, shaped as on SQLite: one writer
// connection, since writers take turns on the advisory lock anyway, and a
// reader pool beside it. Two pools rather than one keep a writer that
// reads through db.read while holding the lock from waiting for a
// connection held by other writers queued on that same lock.
func (db *DB) openPostgres(ctx context.Context, dsn string) error {
	db.dialect = postgresDialect
	db.dsn = dsn
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// pgx's message may quote the DSN, password and all.
		return fmt.Errorf("%w: store: open %s: the DSN does not parse", ErrInvalid, redactDSN(dsn))
	}
	conns := ctxConnector{stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(scanTimesInUTC))}
	db.write = postgresPool(conns, 1)
	db.read = postgresPool(conns, postgresReaders)
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("store: open %s: %w", redactDSN(dsn), err)
	}
	return nil
}

// postgresPool is a pool of at most n connections.
func postgresPool(conns driver.Connector, n int) *sql.DB {
	pool := sql.OpenDB(conns)
	pool.SetMaxOpenConns(n)
	pool.SetMaxIdleConns(n)
	// Recycle connections now and then, so that a server restart or a
	// failover behind a proxy is picked up without restarting duban.
	pool.SetConnMaxLifetime(time.Hour)
	pool.SetConnMaxIdleTime(10 * time.Minute)
	return pool
}

// scanTimesInUTC makes the connection hand back TIMESTAMPTZ values in UTC,
// as the store writes them and as SQLite gives them back, instead of in
// the process's local zone: callers then see the same time.Time from both
// databases.
func scanTimesInUTC(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{
		Name:  "timestamptz",
		OID:   pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC},
	})
	return nil
}

// redactDSN hides the password in a DSN, for messages and logs.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://(unreadable DSN)"
	}
	if q := u.Query(); q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.Redacted()
}
