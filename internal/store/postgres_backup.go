package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// pgDumpMagic is how pg_dump's custom format begins.
const pgDumpMagic = "PGDMP"

// backupPostgres runs pg_dump in its custom format: compressed, one file,
// and restorable table by table. pg_dump reads one snapshot, so the copy
// is consistent while duban goes on writing.
func (db *DB) backupPostgres(ctx context.Context, tmp string) error {
	return runPGTool(ctx, "pg_dump", db.dsn, "--format=custom", "--file="+tmp)
}

// restorePostgres loads a pg_dump backup into an empty database, in one
// transaction: it lands whole or not at all. Ownership and grants are left
// out, so a backup restores under whatever role the DSN names.
func restorePostgres(ctx context.Context, opts Options, file string) error {
	if err := checkMagic(file, pgDumpMagic, "a pg_dump custom-format backup"); err != nil {
		return err
	}
	check := opts
	check.SkipMigrate = true
	db, err := Open(ctx, check)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	tables, err := db.tables(ctx)
	db.Close()
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	if len(tables) > 0 {
		return fmt.Errorf("%w: store: restore: the database already has tables (%s); restore needs an empty database",
			ErrNotEmpty, strings.Join(tables[:min(len(tables), 5)], ", "))
	}
	if err := runPGTool(ctx, "pg_restore", opts.DSN, "--no-owner", "--no-privileges",
		"--exit-on-error", "--single-transaction", file); err != nil {
		return err
	}
	return verifyRestored(ctx, opts)
}

// runPGTool runs pg_dump or pg_restore against the database dsn names. The
// password, if any, travels in the environment rather than on the command
// line, where any user of the machine could read it.
func runPGTool(ctx context.Context, tool, dsn string, args ...string) error {
	bin, err := pgTool(tool)
	if err != nil {
		return err
	}
	conn, password, err := libpqDSN(dsn)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, append([]string{"--dbname=" + conn}, args...)...)
	cmd.Env = os.Environ()
	if password != "" {
		cmd.Env = append(cmd.Env, "PGPASSWORD="+password)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("store: %s: %w", tool, ctx.Err())
		}
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = msg[:2000] + "…"
		}
		return fmt.Errorf("store: %s: %w: %s", tool, err, msg)
	}
	return nil
}

// pgTool finds a PostgreSQL client program: on PATH, else in Debian's
// per-version folders, newest first (pg_dump must be at least as new as
// the server it dumps).
func pgTool(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	found, _ := filepath.Glob(filepath.Join("/usr/lib/postgresql", "*", "bin", name))
	sort.Slice(found, func(i, j int) bool { return pgVersion(found[i]) > pgVersion(found[j]) })
	if len(found) > 0 {
		return found[0], nil
	}
	return "", fmt.Errorf("store: %s not found on PATH or in /usr/lib/postgresql/*/bin (install postgresql-client-15): %w", name, exec.ErrNotFound)
}

// pgVersion reads the major version from /usr/lib/postgresql/N/bin/tool.
func pgVersion(path string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return v
}

// pgxOnlyParams are DSN parameters pgx understands and libpq rejects
// ("invalid URI query parameter"); they tune duban's own connections only.
var pgxOnlyParams = []string{"pool_", "statement_cache_capacity", "description_cache_capacity",
	"default_query_exec_mode", "min_read_buffer_size"}

// libpqDSN turns duban's DSN into one pg_dump accepts, with the password
// taken out and returned apart.
func libpqDSN(dsn string) (conn, password string, err error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", "", errors.New("store: the PostgreSQL DSN does not parse")
	}
	if u.User != nil {
		password, _ = u.User.Password()
		u.User = url.User(u.User.Username())
		if u.User.Username() == "" {
			u.User = nil
		}
	}
	q := u.Query()
	if p := q.Get("password"); p != "" {
		password = p
	}
	q.Del("password")
	for k := range q {
		for _, p := range pgxOnlyParams {
			if strings.HasPrefix(k, p) {
				q.Del(k)
			}
		}
	}
	u.RawQuery = q.Encode()
	return u.String(), password, nil
}
