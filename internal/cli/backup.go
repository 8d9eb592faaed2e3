package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/duban/duban/internal/store"
)

func init() {
	register("backup", "在线备份数据库到文件 (服务运行中亦可; SQLite 或 pg_dump)", runBackup)
	register("restore", "从备份文件恢复到空的数据目录或空数据库", runRestore)
}

// runBackup runs `duban backup FILE`. The database is opened as it is, not
// migrated: a backup taken just before an upgrade must be the old schema,
// so that the old duban can run on it again.
func runBackup(ctx context.Context, env *Env, args []string) error {
	fs0 := newFlags(env, "backup", "FILE [--data DIR] [--db DSN]")
	file, cfg, err := fileAndConfig(fs0, args)
	if err != nil {
		return err
	}
	opts := storeOptions(env, cfg)
	opts.SkipMigrate = true
	db, err := store.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if err := db.Backup(ctx, file); err != nil {
		return err
	}
	size := int64(0)
	if fi, err := os.Stat(file); err == nil {
		size = fi.Size()
	}
	fmt.Fprintf(env.Stdout, "已备份 %s → %s (%s, 结构版本 %d, %.1f MB)\n", db.Path(), file, db.Kind(), v, float64(size)/(1<<20))
	return nil
}

// runRestore runs `duban restore FILE` into an empty data folder or an
// empty PostgreSQL database, and reports the restored schema version.
func runRestore(ctx context.Context, env *Env, args []string) error {
	fs0 := newFlags(env, "restore", "FILE [--data DIR] [--db DSN]")
	file, cfg, err := fileAndConfig(fs0, args)
	if err != nil {
		return err
	}
	opts := storeOptions(env, cfg)
	if err := store.Restore(ctx, opts, file); err != nil {
		return err
	}
	opts.SkipMigrate = true
	db, err := store.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已恢复 %s → %s (%s, 结构版本 %d)\n", file, db.Path(), db.Kind(), v)
	if latest := db.LatestSchemaVersion(); v < latest {
		fmt.Fprintf(env.Stdout, "备份的结构版本较旧 (%d < %d); duban migrate 或 duban serve 将升级它\n", v, latest)
	}
	return nil
}
