package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/testpg"
)

// testNow is the fixed clock of every test database.
var testNow = time.Date(2026, 3, 9, 8, 30, 15, 123456000, time.UTC)

// dbKinds are the databases every store test runs on, as Kind names them.
var dbKinds = []string{"sqlite", "postgres"}

// testOptions names a fresh, empty database of the given kind, with the
// fixed test clock: a temporary data folder for SQLite, a new database on
// the test cluster for PostgreSQL (the test is skipped where PostgreSQL is
// not installed, and fails under CI).
func testOptions(t testing.TB, kind string) Options {
	t.Helper()
	opts := Options{
		Now:    func() time.Time { return testNow },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	switch kind {
	case "sqlite":
		opts.DataDir = t.TempDir()
	case "postgres":
		opts.DSN = testpg.DSN(t)
	default:
		t.Fatalf("unknown database kind %q", kind)
	}
	return opts
}

// optsKind is the kind of database opts names.
func optsKind(opts Options) string {
	if opts.DSN != "" {
		return "postgres"
	}
	return "sqlite"
}

// forEachDB runs f as a subtest on a fresh database of each kind.
func forEachDB(t *testing.T, f func(t *testing.T, db *DB)) {
	t.Helper()
	forEachKind(t, func(t *testing.T, opts Options) { f(t, openWith(t, opts)) })
}

// forEachKind runs f as a subtest with the options of a fresh database of
// each kind, for tests that open and reopen the database themselves.
func forEachKind(t *testing.T, f func(t *testing.T, opts Options)) {
	t.Helper()
	for _, kind := range dbKinds {
		t.Run(kind, func(t *testing.T) { f(t, testOptions(t, kind)) })
	}
}

// openWith opens the database opts names, closed when the test ends.
func openWith(t testing.TB, opts Options) *DB {
	t.Helper()
	db, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// openTest opens a fresh SQLite database in a temporary folder, closed
// when the test ends. Tests of behaviour both databases share use
// forEachDB instead.
func openTest(t testing.TB) *DB {
	t.Helper()
	return openTestIn(t, t.TempDir())
}

// openTestIn opens the SQLite database in dir.
func openTestIn(t testing.TB, dir string) *DB {
	t.Helper()
	opts := Options{
		DataDir: dir,
		Now:     func() time.Time { return testNow },
		Logger:  slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	return openWith(t, opts)
}

// sha is the hex SHA-256 of s, standing in for a document's bytes.
func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// samplePlan builds a plan with n tasks that use every field the schema
// stores, with every list non-nil as the store returns them.
func samplePlan(title string, n int) *plandoc.Plan {
	p := &plandoc.Plan{
		Title:     title,
		DocNumber: "温政办〔2017〕62号",
		Issuer:    "温州市人民政府办公室",
		IssuedOn:  "2017-06-08",
		Year:      2017,
		Tasks:     make([]plandoc.Task, n),
	}
	for i := range p.Tasks {
		w := float64(5 + i%3*5)
		t := plandoc.Task{
			Path:       []string{"二", fmt.Sprintf("(%d)", i/10+1), fmt.Sprint(i%10 + 1)},
			Title:      fmt.Sprintf("任务%d：加强预期引导", i+1),
			Text:       fmt.Sprintf("围绕国家和省、市出台的经济领域相关政策……第%d项。", i+1),
			LeadUnits:  []string{"市发改委"},
			Units:      []string{"市发改委", "市财政局", "各县（市、区）政府"},
			Deadlines:  []plandoc.Deadline{{Text: "2018年底前", Due: "2018-12-31"}, {Text: "每季度", Every: plandoc.EveryQuarter}},
			Targets:    []plandoc.Target{{Text: "化解率90%以上", Value: 90, Unit: "%"}},
			Milestones: []plandoc.Milestone{{Text: "出臺規定", Due: "2016-04-30"}, {Text: "全面推开"}},
			Optional:   i%7 == 6,
		}
		if i%4 != 0 {
			t.Weight = &w
		}
		if i%5 == 4 { // a task with nothing but text
			t.LeadUnits, t.Units = []string{}, []string{}
			t.Deadlines, t.Targets, t.Milestones = []plandoc.Deadline{}, []plandoc.Target{}, []plandoc.Milestone{}
		}
		p.Tasks[i] = t
	}
	return p
}

// countRows reports how many rows each plan table holds, to prove that a
// failed import left nothing behind.
func countRows(t *testing.T, db *DB) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, table := range []string{"plans", "tasks", "task_units", "task_deadlines", "task_targets", "task_milestones"} {
		var c int
		if err := db.read.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&c); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		n[table] = c
	}
	return n
}
