package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFiles holds every dialect's migrations, one folder each. The
// files are append-only: a released migration is never edited, a change is
// a new file with the next number.
//
//go:embed migrations
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string // the file name, recorded for people reading the table
	sql     string
}

// loadMigrations reads a dialect's migrations in version order. File names
// are NNNN_what.sql; a missing, repeated or malformed number is a build
// mistake and fails loudly.
func loadMigrations(d dialect) ([]migration, error) {
	dir := path.Join("migrations", d.name)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, fmt.Errorf("store: read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("store: migration %s: name must start with a positive number and _", name)
		}
		body, err := fs.ReadFile(migrationFiles, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("store: read migration %s: %w", name, err)
		}
		ms = append(ms, migration{version: v, name: name, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("store: migration %s: expected number %d", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate brings the schema up to the newest version this binary knows.
// Each migration runs in its own write transaction together with its
// record, so a failure leaves the database at the previous version, never
// in between. Write transactions take turns (BEGIN IMMEDIATE on SQLite, an
// advisory lock on PostgreSQL), so two duban processes starting together
// do not race: the second finds the work done.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := loadMigrations(db.dialect)
	if err != nil {
		return err
	}
	have, err := db.prepareMigrations(ctx)
	if err != nil {
		return err
	}
	if have > len(ms) {
		return fmt.Errorf("%w: the database is at version %d, this duban knows up to %d; use a newer duban", ErrSchemaTooNew, have, len(ms))
	}
	for _, m := range ms[have:] {
		if err := db.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// prepareMigrations creates the table that records migrations, under the
// writers' lock (two PostgreSQL sessions creating it at once could
// otherwise collide), and reads the version.
func (db *DB) prepareMigrations(ctx context.Context) (int, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: migrate: begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.migrationsTable); err != nil {
		return 0, fmt.Errorf("store: create schema_migrations: %w", err)
	}
	have, err := schemaVersion(ctx, tx)
	if err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: create schema_migrations: commit: %w", err)
	}
	return have, nil
}

// checkSchema is migrate's refusal without its changes, for SkipMigrate.
func (db *DB) checkSchema(ctx context.Context) error {
	ms, err := loadMigrations(db.dialect)
	if err != nil {
		return err
	}
	have, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if have > len(ms) {
		return fmt.Errorf("%w: the database is at version %d, this duban knows up to %d; use a newer duban", ErrSchemaTooNew, have, len(ms))
	}
	return nil
}

// applyMigration runs one migration unless another process got there first:
// the version is read again inside the transaction, which holds the
// writers' lock, so two duban processes starting together do not both
// apply it.
func (db *DB) applyMigration(ctx context.Context, m migration) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: migration %s: begin: %w", m.name, err)
	}
	defer tx.Rollback()

	have, err := schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if have >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`),
		m.version, m.name, db.now().UTC().Truncate(time.Microsecond)); err != nil {
		return fmt.Errorf("store: migration %s: record: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s: commit: %w", m.name, err)
	}
	db.log.Info("schema migration applied", "version", m.version, "name", m.name)
	return nil
}

// queryer is what schemaVersion needs of a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// SchemaVersion reports the newest migration applied to the database, 0
// for a database duban has not set up.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	ok, err := db.hasTable(ctx, "schema_migrations")
	if err != nil || !ok {
		return 0, err
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: schema version: begin: %w", err)
	}
	defer tx.Rollback()
	v, err := schemaVersion(ctx, tx)
	if err != nil {
		return 0, err
	}
	return v, tx.Commit()
}

// LatestSchemaVersion is the newest migration this duban carries for the
// database: SchemaVersion equals it once the database is up to date.
func (db *DB) LatestSchemaVersion() int {
	ms, err := loadMigrations(db.dialect)
	if err != nil {
		return 0 // a malformed embedded migration; Open has reported it
	}
	return len(ms)
}
