package cli

import (
	"context"
	"crypto/rand"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/store"
)

// TestDamagedDatabaseRefused: a zero-length database file, one with a
// broken header and one with garbage pages each stop the start with a
// Chinese message naming the file, and no data is written; with Init
// (serve --init) the file is moved aside and duban starts afresh.
func TestDamagedDatabaseRefused(t *testing.T) {
	ctx := context.Background()
	damage := map[string]struct {
		harm func(t *testing.T, path string)
		want string
	}{
		"zero length": {func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "是空的（0 字节）"},
		"garbage header": {func(t *testing.T, path string) { overwrite(t, path, 0, 100) }, "已损坏（文件头不是 SQLite 数据库）"},
		"garbage pages":  {func(t *testing.T, path string) { overwrite(t, path, 4096, 6*4096) }, "已损坏"},
	}
	for name, d := range damage {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "duban.db")
			if name != "zero length" {
				db, err := store.Open(ctx, store.Options{DataDir: dir})
				if err != nil {
					t.Fatal(err)
				}
				addUnits(t, db, "市财政局", "市法制办", "市编委办", "市人力社保局", "市教育局")
				db.Close()
				os.Remove(path + "-wal")
				os.Remove(path + "-shm")
			}
			d.harm(t, path)
			before, _ := os.ReadFile(path)

			cfg := config.Defaults()
			cfg.DataDir, cfg.LogLevel = dir, "error"
			_, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), d.want) || !strings.Contains(err.Error(), "--init") {
				t.Fatalf("serve on a damaged file: %v", err)
			}
			code, _, errOut := runMain(t, "migrate", "--data", dir)
			if code != 1 || !strings.Contains(errOut, path) {
				t.Errorf("migrate on a damaged file: exit %d %s", code, errOut)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Fatal("a refused start changed the file")
			}

			cfg.Init = true
			app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				t.Fatalf("serve --init: %v", err)
			}
			defer app.Close()
			if n, err := app.Store.CountUsers(ctx); err != nil || n != 0 {
				t.Errorf("a fresh database has %d users, %v", n, err)
			}
			moved, _ := filepath.Glob(path + ".damaged-*")
			if len(moved) != 1 {
				t.Fatalf("the damaged file was not kept aside: %v", moved)
			}
			if kept, _ := os.ReadFile(moved[0]); string(kept) != string(before) {
				t.Error("the file kept aside is not the damaged one")
			}
		})
	}
}

// overwrite fills bytes [from, to) of the file with random garbage.
func overwrite(t *testing.T, path string, from, to int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if fi.Size() < to {
		t.Fatalf("%s has %d bytes, fewer than %d", path, fi.Size(), to)
	}
	junk := make([]byte, to-from)
	rand.Read(junk)
	if _, err := f.WriteAt(junk, from); err != nil {
		t.Fatal(err)
	}
}
