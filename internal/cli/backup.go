package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/store"
)

func init() {
	register("backup", "在线备份数据库到文件、附件到旁边的 FILE.files 文件夹 (服务运行中亦可; SQLite 或 pg_dump)", runBackup)
	register("restore", "从备份文件 (及旁边的 FILE.files 附件) 恢复到空的数据目录或空数据库", runRestore)
}

// runBackup runs `duban backup FILE`. The database is opened as it is, not
// migrated: a backup taken just before an upgrade must be the old schema,
// so that the old duban can run on it again.
func runBackup(ctx context.Context, env *Env, args []string) error {
	fs0 := newConfigFlags(env, "backup", "FILE [--data DIR] [--db DSN]", storeKeys...)
	file, cfg, err := fileAndConfig(fs0, args)
	if err != nil {
		return err
	}
	opts := storeOptions(env, cfg)
	opts.SkipMigrate, opts.AdoptCrypto = true, true
	db, err := store.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer db.Close()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	dir := filesBeside(file)
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("backup: %s: %w", dir, fs.ErrExist)
	}
	if err := db.Backup(ctx, file); err != nil {
		return err
	}
	// The attachments are copied after the database's snapshot: kept
	// files are never changed and are removed only when no record names
	// them, so every file the snapshot names is there to copy.
	copied, err := backupFiles(ctx, files.DirIn(cfg.DataDir), dir)
	if err != nil {
		// A backup without its attachments is what this replaced.
		return errors.Join(err, os.Remove(file))
	}
	size := int64(0)
	if fi, err := os.Stat(file); err == nil {
		size = fi.Size()
	}
	fmt.Fprintf(env.Stdout, "已备份 %s → %s (%s, 结构版本 %d, %.1f MB)\n", db.Path(), file, db.Kind(), v, float64(size)/(1<<20))
	fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.backup.files", "n", copied.Files,
		"mb", fmt.Sprintf("%.1f", float64(copied.Bytes)/(1<<20)), "dir", dir))
	return keptFilesLine(ctx, env, db, "cli.backup.db_files")
}

// filesBeside is the folder of attachments that goes with the backup in
// file: the database copy stays a plain SQLite file or pg_dump archive,
// which the databases' own tools read, and the attachments, which are
// named by their SHA-256 and never change, stay plain files that rsync or
// any copy can carry, and check, incrementally.
func filesBeside(file string) string { return file + ".files" }

// backupFiles copies the attachments into dir, which must not exist,
// through a temporary folder renamed when complete: a folder of that name
// is always a whole copy.
func backupFiles(ctx context.Context, src, dir string) (files.Copied, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return files.Copied{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(abs), ".duban-backup-files-*.tmp")
	if err != nil {
		return files.Copied{}, fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(tmp) // after the rename there is nothing to remove
	copied, err := files.CopyTree(ctx, src, tmp)
	if err != nil {
		return copied, err
	}
	if err := os.Rename(tmp, abs); err != nil {
		return copied, fmt.Errorf("backup: %w", err)
	}
	return copied, nil
}

// runRestore runs `duban restore FILE` into an empty data folder or an
// empty PostgreSQL database, and reports the restored schema version.
func runRestore(ctx context.Context, env *Env, args []string) error {
	fs0 := newConfigFlags(env, "restore", "FILE [--data DIR] [--db DSN]", storeKeys...)
	file, cfg, err := fileAndConfig(fs0, args)
	if err != nil {
		return err
	}
	opts := storeOptions(env, cfg)
	// A restore copies the database as it was, under the crypto suite it
	// records; serve then refuses it if the configuration says otherwise.
	opts.AdoptCrypto = true
	// The attachments first: they are named by content, so copying them
	// twice or into a folder that has some already does no harm, and a
	// database that came back without its files would answer 404 for
	// each.
	dir := filesBeside(file)
	var copied files.Copied
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		if copied, err = files.CopyTree(ctx, dir, files.DirIn(cfg.DataDir)); err != nil {
			return err
		}
	} else {
		dir = ""
	}
	if err := store.Restore(ctx, opts, file); err != nil {
		return err
	}
	opts.SkipMigrate, opts.AdoptCrypto = true, true
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
	if dir != "" {
		fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.restore.files", "n", copied.Files, "dir", dir))
	} else {
		fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, "cli.restore.no_files", "dir", filesBeside(file)))
	}
	if err := keptFilesLine(ctx, env, db, "cli.restore.db_files"); err != nil {
		return err
	}
	if latest := db.LatestSchemaVersion(); v < latest {
		fmt.Fprintf(env.Stdout, "备份的结构版本较旧 (%d < %d); duban migrate 或 duban serve 将升级它\n", v, latest)
	}
	return nil
}

// keptFilesLine says, on PostgreSQL, how many attachments the database
// itself holds (several instances keep them there): a backup carries them
// in its dump, not in the folder beside it.
func keptFilesLine(ctx context.Context, env *Env, db *store.DB, key string) error {
	if db.Kind() != "postgres" {
		return nil
	}
	n, size, err := db.KeptFiles(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.Lookup(i18n.Default, key, "n", n, "mb", fmt.Sprintf("%.1f", float64(size)/(1<<20))))
	return nil
}
