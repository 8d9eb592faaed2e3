package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/store"
)

func init() {
	register("migrate", "升级数据库结构到本版本并显示版本号 (--data DIR / --db DSN)", runMigrate)
}

// runMigrate runs `duban migrate`: it applies the pending migrations and
// says which schema version the database is at, so an operator can upgrade
// the database as its own step, before starting a new duban.
func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs0 := newConfigFlags(env, "migrate", "[--data DIR] [--db DSN]", storeKeys...)
	cfg, rest, err := config.Load(fs0, args, os.Getenv)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs0.Usage()
		return fmt.Errorf("%s: %w", i18n.Lookup(i18n.Default, "cli.extra_argument", "arg", rest[0]), errUsage)
	}
	opts := storeOptions(env, cfg)
	before, err := schemaVersionOf(ctx, opts)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	after, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if after == before {
		fmt.Fprintf(env.Stdout, "数据库结构已是最新: 版本 %d  %s\n", after, db.Path())
	} else {
		fmt.Fprintf(env.Stdout, "数据库结构已升级: 版本 %d → %d  %s\n", before, after, db.Path())
	}
	return nil
}

// storeOptions says which database the configuration names. Store events
// (migrations applied, backups written) go to stderr, away from the
// command's own output.
func storeOptions(env *Env, cfg config.Config) store.Options {
	return store.Options{DataDir: cfg.DataDir, DSN: cfg.DB, Logger: newLogger(env, "warn", cfg.LogFormat), Crypto: cfg.Crypto, DataKeyFile: cfg.DataKeyFile}
}

// schemaVersionOf reads a database's schema version without changing it;
// a SQLite database not yet created is at version 0.
func schemaVersionOf(ctx context.Context, opts store.Options) (int, error) {
	opts.SkipMigrate = true
	db, err := store.Open(ctx, opts)
	if errors.Is(err, fs.ErrNotExist) && opts.DSN == "" {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer db.Close()
	return db.SchemaVersion(ctx)
}

// fileAndConfig reads a command's one FILE argument and the configuration
// flags, which may stand before or after it (`duban backup FILE --data D`
// and `duban backup --data D FILE`).
func fileAndConfig(fs0 *flag.FlagSet, args []string) (string, config.Config, error) {
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	cfg, rest, err := config.Load(fs0, args, os.Getenv)
	if err != nil {
		return "", cfg, err
	}
	if file == "" && len(rest) > 0 {
		file, rest = rest[0], rest[1:]
	}
	if file == "" || len(rest) > 0 {
		fs0.Usage()
		if file == "" {
			return "", cfg, fmt.Errorf("%s: %w", i18n.Lookup(i18n.Default, "cli.one_file"), errUsage)
		}
		return "", cfg, fmt.Errorf("%s: %w", i18n.Lookup(i18n.Default, "cli.extra_argument_file", "arg", rest[0]), errUsage)
	}
	return file, cfg, nil
}

// envStoreOptions are the options of the commands that take their
// database from --data and --db (or DUBAN_DB) rather than the whole
// configuration: the crypto suite and key come from DUBAN_CRYPTO and
// DUBAN_DATA_KEY_FILE likewise, so that a 国密 database opens.
func envStoreOptions(dataDir, dsn string) store.Options {
	return store.Options{DataDir: dataDir, DSN: dsn, Crypto: os.Getenv("DUBAN_CRYPTO"), DataKeyFile: os.Getenv("DUBAN_DATA_KEY_FILE")}
}
