package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestOpenCreatesFolderAndFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "数据 #1?", "duban-data")
	db := openTestIn(t, dir)
	if _, err := os.Stat(filepath.Join(dir, "duban.db")); err != nil {
		t.Fatalf("database file: %v", err)
	}
	if db.Path() != filepath.Join(dir, "duban.db") {
		t.Errorf("Path = %q", db.Path())
	}
}

// TestPragmas checks the SQLite connection settings; PostgreSQL has no
// such per-connection switches to get wrong.
func TestPragmas(t *testing.T) {
	db := openTest(t)
	for _, tc := range []struct {
		pool   string
		pragma string
		want   string
	}{
		{"write", "journal_mode", "wal"},
		{"write", "foreign_keys", "1"},
		{"write", "busy_timeout", "5000"},
		{"write", "synchronous", "1"}, // NORMAL
		{"write", "query_only", "0"},
		{"read", "foreign_keys", "1"},
		{"read", "query_only", "1"},
	} {
		pool := db.write
		if tc.pool == "read" {
			pool = db.read
		}
		var got string
		if err := pool.QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil {
			t.Fatalf("%s PRAGMA %s: %v", tc.pool, tc.pragma, err)
		}
		if got != tc.want {
			t.Errorf("%s PRAGMA %s = %q, want %q", tc.pool, tc.pragma, got, tc.want)
		}
	}
	if _, err := db.read.Exec(`DELETE FROM plans`); err == nil {
		t.Error("the reader pool accepted a write")
	}
}

func TestMigrationsRecorded(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		ms, err := loadMigrations(db.dialect)
		if err != nil {
			t.Fatal(err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v != len(ms) || v < 1 || v != db.LatestSchemaVersion() {
			t.Fatalf("SchemaVersion = %d, %v; want %d", v, err, len(ms))
		}
		var first string
		var n int
		if err := db.read.QueryRow(`SELECT COUNT(*), MIN(name) FROM schema_migrations`).Scan(&n, &first); err != nil {
			t.Fatal(err)
		}
		if n != len(ms) || first != "0001_plans.sql" {
			t.Errorf("schema_migrations: %d rows, first %q", n, first)
		}
		db.Close()

		// Opening again applies nothing twice.
		db = openWith(t, opts)
		if err := db.read.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
			t.Errorf("after reopening: %d rows, %v", n, err)
		}
	})
}

// TestMigrationsAlike checks that the two databases' migrations stay
// twins: the same numbers under the same names.
func TestMigrationsAlike(t *testing.T) {
	lite, err := loadMigrations(sqliteDialect)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := loadMigrations(postgresDialect)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []migration) (s []string) {
		for _, m := range ms {
			s = append(s, m.name)
		}
		return s
	}
	if !slices.Equal(names(lite), names(pg)) {
		t.Errorf("migrations differ:\n sqlite   %v\n postgres %v", names(lite), names(pg))
	}
}

// TestOpenConcurrently opens one new database from several goroutines at
// once, as two duban processes starting together would: each must find
// the schema ready, and every migration must be applied exactly once.
func TestOpenConcurrently(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		const n = 4
		errs := make(chan error, n)
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() {
				db, err := Open(ctx, opts)
				if err == nil {
					db.Close()
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("concurrent Open: %v", err)
			}
		}
		db := openWith(t, opts)
		var rows, versions int
		if err := db.read.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations`).Scan(&rows, &versions); err != nil {
			t.Fatal(err)
		}
		if rows != db.LatestSchemaVersion() || versions != rows {
			t.Errorf("schema_migrations: %d rows, %d versions; want %d each", rows, versions, db.LatestSchemaVersion())
		}
	})
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		if _, err := db.write.Exec(db.dialect.rebind(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', ?)`), testNow); err != nil {
			t.Fatal(err)
		}
		db.Close()
		for _, skip := range []bool{false, true} {
			o := opts
			o.SkipMigrate = skip
			db2, err := Open(ctx, o)
			if err == nil {
				db2.Close()
				t.Fatalf("Open (SkipMigrate %v) accepted a database from a newer duban", skip)
			}
			if !errors.Is(err, ErrSchemaTooNew) {
				t.Errorf("SkipMigrate %v: err = %v, want ErrSchemaTooNew", skip, err)
			}
		}
	})
}

// TestSkipMigrate checks that SkipMigrate leaves a database as it is, and
// refuses to conjure up a SQLite file that is not there.
func TestSkipMigrate(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		opts.SkipMigrate = true
		if opts.DSN == "" {
			if _, err := Open(ctx, opts); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("Open(SkipMigrate) on an empty folder: err = %v, want fs.ErrNotExist", err)
			}
			if _, err := os.Stat(filepath.Join(opts.DataDir, "duban.db")); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("Open(SkipMigrate) created the database file: %v", err)
			}
			return
		}
		db := openWith(t, opts)
		if v, err := db.SchemaVersion(ctx); v != 0 || err != nil {
			t.Errorf("SchemaVersion = %d, %v; want 0", v, err)
		}
		if tables, err := db.tables(ctx); len(tables) != 0 || err != nil {
			t.Errorf("tables = %v, %v; want none", tables, err)
		}
	})
}

func TestOpenRejectsOtherDSN(t *testing.T) {
	for _, dsn := range []string{"mysql://u:secret@h/db", "file:duban.db", "host=/tmp password=secret"} {
		_, err := Open(context.Background(), Options{DataDir: t.TempDir(), DSN: dsn})
		if !errors.Is(err, ErrInvalid) || strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(DSN %q) = %v; want ErrInvalid without the DSN", dsn, err)
		}
	}
}

func TestRedactDSN(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"postgres://duban:s3cret@db.example/duban?sslmode=require", "postgres://duban:xxxxx@db.example/duban?sslmode=require"},
		{"postgres://duban@/duban?host=/run/pg&password=s3cret", "postgres://duban@/duban?host=%2Frun%2Fpg&password=xxxxx"},
	} {
		if got := redactDSN(tc.in); got != tc.want {
			t.Errorf("redactDSN(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRebind(t *testing.T) {
	pg := dialect{dollar: true}
	for _, tc := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`INSERT INTO t (a, b) VALUES (?, ?)`, `INSERT INTO t (a, b) VALUES ($1, $2)`},
		{`SELECT '?' FROM t WHERE a = ? AND "b?" = ?`, `SELECT '?' FROM t WHERE a = $1 AND "b?" = $2`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
	} {
		if got := pg.rebind(tc.in); got != tc.want {
			t.Errorf("rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := sqliteDialect.rebind(tc.in); got != tc.in {
			t.Errorf("sqlite rebind changed %q to %q", tc.in, got)
		}
		if got := postgresDialect.rebind(tc.in); got != tc.want {
			t.Errorf("postgres rebind(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSchemasAlike checks that the twin migrations build the same tables
// with the same columns on both databases, so that a column forgotten in
// one of them fails here rather than in production.
func TestSchemasAlike(t *testing.T) {
	columns := map[string]string{
		"sqlite":   `SELECT name FROM pragma_table_info(?) ORDER BY name`,
		"postgres": `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY column_name`,
	}
	schemas := map[string]map[string][]string{}
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		tables, err := db.tables(ctx)
		if err != nil {
			t.Fatal(err)
		}
		schema := map[string][]string{}
		for _, table := range tables {
			rows, err := db.read.QueryContext(ctx, db.dialect.rebind(columns[db.Kind()]), table)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var c string
				if err := rows.Scan(&c); err != nil {
					t.Fatal(err)
				}
				schema[table] = append(schema[table], c)
			}
			if err := rows.Close(); err != nil {
				t.Fatal(err)
			}
			slices.Sort(schema[table])
		}
		schemas[db.Kind()] = schema
	})
	lite, pg := schemas["sqlite"], schemas["postgres"]
	if lite == nil || pg == nil {
		return // PostgreSQL was skipped
	}
	for table, cols := range lite {
		if !slices.Equal(cols, pg[table]) {
			t.Errorf("table %s:\n sqlite   %v\n postgres %v", table, cols, pg[table])
		}
	}
	for table := range pg {
		if _, ok := lite[table]; !ok {
			t.Errorf("table %s exists on PostgreSQL only", table)
		}
	}
}

// TestWritersTakeTurns opens one database twice, as two duban processes
// would, and checks that a write transaction in one holds back a writer in
// the other until it ends: the one-writer rule the store's read-then-write
// steps rely on, on PostgreSQL as on SQLite.
func TestWritersTakeTurns(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		a, b := openWith(t, opts), openWith(t, opts)
		txA, err := a.beginWrite(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer txA.Rollback()

		done := make(chan error, 1)
		go func() {
			txB, err := b.beginWrite(ctx)
			if err == nil {
				err = txB.Commit()
			}
			done <- err
		}()
		select {
		case err := <-done:
			t.Fatalf("a second writer got through while the first was open (err %v)", err)
		case <-time.After(200 * time.Millisecond):
		}
		if err := txA.Commit(); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Errorf("second writer after the first committed: %v", err)
		}
		// Reads go on beside a writer.
		txA, err = a.beginWrite(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer txA.Rollback()
		short, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		if _, err := b.SchemaVersion(short); err != nil {
			t.Errorf("read beside a writer: %v", err)
		}
	})
}
