package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
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
	ctx := context.Background()
	dir := t.TempDir()
	ms, err := loadMigrations(sqliteDialect)
	if err != nil {
		t.Fatal(err)
	}
	db := openTestIn(t, dir)
	v, err := db.SchemaVersion(ctx)
	if err != nil || v != len(ms) || v < 1 {
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
	db = openTestIn(t, dir)
	if err := db.read.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Errorf("after reopening: %d rows, %v", n, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := openTestIn(t, dir)
	if _, err := db.write.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, '9999_future.sql', ?)`, testNow); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := Open(ctx, Options{DataDir: dir})
	if err == nil {
		db2.Close()
		t.Fatal("Open accepted a database from a newer duban")
	}
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Errorf("err = %v, want ErrSchemaTooNew", err)
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
	}
}
