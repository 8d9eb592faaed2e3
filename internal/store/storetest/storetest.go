// Package storetest opens throwaway duban databases for the tests of
// other packages (API, web, CLI), on SQLite and on PostgreSQL alike, so
// that the same test runs on both.
//
// A package using PostgreSQL databases calls Main from its TestMain, so the
// test cluster is stopped when its tests end:
//
//	func TestMain(m *testing.M) { storetest.Main(m) }
//
//	func TestSomething(t *testing.T) {
//		storetest.Each(t, func(t *testing.T, db *store.DB) { … })
//	}
//
// Where PostgreSQL is not installed its subtests are skipped, except under
// CI=true, where they fail (see package testpg).
package storetest

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/testpg"
)

// Kinds lists the databases duban runs on, as store.DB.Kind names them.
func Kinds() []string { return []string{"sqlite", "postgres"} }

// Main runs a package's tests and stops the PostgreSQL test cluster
// afterwards. Call it from TestMain.
func Main(m *testing.M) { testpg.Main(m) }

// Options names a fresh, empty database of the given kind ("sqlite": a
// new temporary data folder; "postgres": a new database on the test
// cluster, dropped when the test ends), with logging discarded. Callers may
// set Now before opening.
func Options(t testing.TB, kind string) store.Options {
	t.Helper()
	opts := store.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	switch kind {
	case "sqlite":
		opts.DataDir = t.TempDir()
	case "postgres":
		opts.DSN = testpg.DSN(t)
	default:
		t.Fatalf("storetest: unknown database kind %q (want one of %v)", kind, Kinds())
	}
	return opts
}

// Open opens a fresh, migrated database of the given kind, closed when the
// test ends. A PostgreSQL one is copied from a database migrated once per
// test binary, which is several times faster than migrating each anew.
func Open(t testing.TB, kind string) *store.DB {
	t.Helper()
	if kind != "postgres" {
		return OpenWith(t, Options(t, kind))
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	dsn := testpg.DSNFromTemplate(t, "migrated", func(dsn string) error {
		db, err := store.Open(context.Background(), store.Options{DSN: dsn, Logger: logger})
		if err != nil {
			return err
		}
		return db.Close()
	})
	return OpenWith(t, store.Options{DSN: dsn, Logger: logger})
}

// OpenWith opens the database opts names, closed when the test ends.
func OpenWith(t testing.TB, opts store.Options) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("storetest: open %s database: %v", kindOf(opts), err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Each runs f as a subtest named for each kind, on a fresh database.
func Each(t *testing.T, f func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, kind := range Kinds() {
		t.Run(kind, func(t *testing.T) { f(t, Open(t, kind)) })
	}
}

func kindOf(opts store.Options) string {
	if opts.DSN != "" {
		return "postgres"
	}
	return "sqlite"
}
