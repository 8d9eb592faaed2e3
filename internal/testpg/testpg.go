// Package testpg gives tests a PostgreSQL database of their own: a
// throwaway cluster started once per test binary (or the server named by
// DUBAN_TEST_PG_DSN), with a fresh empty database for every test that asks,
// so tests never see each other's rows.
//
// A package whose tests use it calls Main from its TestMain, which stops the
// cluster when the tests end:
//
//	func TestMain(m *testing.M) { testpg.Main(m) }
//
// Where PostgreSQL is not installed, DSN skips the test, except under CI
// (CI=true), where it fails: CI must never pass by testing one database
// only.
package testpg

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvDSN names the environment variable that points the tests at an
// existing server instead of a throwaway cluster. Its user must be allowed
// to create databases; each test gets one, dropped when the test ends.
const EnvDSN = "DUBAN_TEST_PG_DSN"

var (
	once    sync.Once
	srv     *server
	srvErr  error
	counter atomic.Int64
)

// server is where test databases are created: admin is a pool on a
// database that is never handed out, dsn the URL the test DSNs are built
// from.
type server struct {
	dsn     *url.URL
	admin   *sql.DB
	cluster *cluster // nil when the server is DUBAN_TEST_PG_DSN's
	// createSuffix ends CREATE DATABASE: FILE_COPY where the server has
	// it (15+), which on a throwaway cluster is twice as fast as logging
	// every page of the copy.
	createSuffix string
}

// Main runs the package's tests, then stops the cluster if one was started,
// and exits with the tests' status.
func Main(m *testing.M) {
	code := m.Run()
	stop()
	os.Exit(code)
}

// DSN creates a new empty database and returns its postgres:// DSN. The
// database is dropped when the test ends.
func DSN(t testing.TB) string {
	t.Helper()
	once.Do(func() { srv, srvErr = start() })
	if srvErr != nil {
		unavailable(t, srvErr)
	}
	name := fmt.Sprintf("duban_test_%d_%d", os.Getpid(), counter.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// template0 is the pristine template: nothing a previous test (or an
	// administrator, on an external server) added to template1 leaks in.
	if _, err := srv.admin.ExecContext(ctx, `CREATE DATABASE "`+name+`" TEMPLATE template0 ENCODING 'UTF8'`+srv.createSuffix); err != nil {
		t.Fatalf("testpg: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		// FORCE ends connections a test forgot to close. Registered
		// before the test's own cleanups, so it runs after them.
		if _, err := srv.admin.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`); err != nil {
			t.Errorf("testpg: drop database %s: %v", name, err)
		}
	})
	u := *srv.dsn
	u.Path = "/" + name
	return u.String()
}

// unavailable skips the test, or fails it under CI, where a skipped
// PostgreSQL run would hide that half the suite never ran.
func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("testpg: PostgreSQL is required under CI=true and is not usable: %v "+
			"(install it with: apt-get install -y postgresql-15, or set %s)", err, EnvDSN)
	}
	t.Skipf("testpg: PostgreSQL not available, skipping: %v (apt-get install -y postgresql-15, or set %s)", err, EnvDSN)
}

// start reaches the server the tests will use: DUBAN_TEST_PG_DSN's, or a
// new cluster.
func start() (*server, error) {
	s := &server{}
	raw := os.Getenv(EnvDSN)
	if raw == "" {
		c, err := startCluster()
		if err != nil {
			return nil, err
		}
		s.cluster = c
		raw = c.dsn
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		s.close()
		return nil, fmt.Errorf("%s is not a postgres:// URL", EnvDSN)
	}
	s.dsn = u
	if s.admin, err = sql.Open("pgx", raw); err != nil {
		s.close()
		return nil, fmt.Errorf("open %s: %w", u.Redacted(), err)
	}
	s.admin.SetMaxOpenConns(2)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var version int
	if err := s.admin.QueryRowContext(ctx, `SELECT current_setting('server_version_num')::int`).Scan(&version); err != nil {
		s.close()
		return nil, fmt.Errorf("connect to %s: %w", u.Redacted(), err)
	}
	if version >= 150000 && s.cluster != nil {
		s.createSuffix = " STRATEGY FILE_COPY"
	}
	return s, nil
}

func (s *server) close() {
	if s.admin != nil {
		s.admin.Close()
	}
	if s.cluster != nil {
		s.cluster.stop()
	}
}

func stop() {
	if srv != nil {
		srv.close()
	}
}

var (
	templatesMu sync.Mutex
	templates   = map[string]string{} // key → template database name
)

// DSNFromTemplate is DSN for a database that starts as a copy of a
// template: prepared once per test binary by prepare (given the template's
// DSN, e.g. to apply migrations), then copied for each test. Copying a
// migrated database is several times faster than migrating a new one.
func DSNFromTemplate(t testing.TB, key string, prepare func(dsn string) error) string {
	t.Helper()
	once.Do(func() { srv, srvErr = start() })
	if srvErr != nil {
		unavailable(t, srvErr)
	}
	templatesMu.Lock()
	tmpl, ok := templates[key]
	if !ok {
		tmpl = fmt.Sprintf("duban_tmpl_%s_%d", key, os.Getpid())
		if _, err := srv.admin.Exec(`CREATE DATABASE "` + tmpl + `" TEMPLATE template0 ENCODING 'UTF8'` + srv.createSuffix); err != nil {
			templatesMu.Unlock()
			t.Fatalf("testpg: create template %s: %v", tmpl, err)
		}
		u := *srv.dsn
		u.Path = "/" + tmpl
		if err := prepare(u.String()); err != nil {
			templatesMu.Unlock()
			t.Fatalf("testpg: prepare template %s: %v", tmpl, err)
		}
		templates[key] = tmpl
	}
	templatesMu.Unlock()
	name := fmt.Sprintf("duban_test_%d_%d", os.Getpid(), counter.Add(1))
	if _, err := srv.admin.Exec(`CREATE DATABASE "` + name + `" TEMPLATE "` + tmpl + `"` + srv.createSuffix); err != nil {
		t.Fatalf("testpg: create database %s from %s: %v", name, tmpl, err)
	}
	t.Cleanup(func() {
		if _, err := srv.admin.Exec(`DROP DATABASE IF EXISTS "` + name + `" WITH (FORCE)`); err != nil {
			t.Errorf("testpg: drop database %s: %v", name, err)
		}
	})
	u := *srv.dsn
	u.Path = "/" + name
	return u.String()
}
