package files_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/store"
)

// TestSharedStore: once shared (the database of several instances), new
// files go to the database and not the folder; files the folder held from
// before are still served, moved into the database when first read, and
// Adopt moves the rest that records name.
func TestSharedStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := store.Open(ctx, store.Options{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs, err := files.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	old1, err := fs.Put("旧附件1.txt", strings.NewReader("督办旧附件一：整改台账"))
	if err != nil {
		t.Fatal(err)
	}
	old2, err := fs.Put("旧附件2.pdf", strings.NewReader("%PDF-1.4 督办旧附件二"))
	if err != nil {
		t.Fatal(err)
	}
	fs.Share(db)
	read := func(sum string) string {
		t.Helper()
		f, err := fs.Get(sum)
		if err != nil {
			t.Fatalf("Get %s: %v", sum, err)
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		return string(b)
	}
	if got := read(old1.SHA256); got != "督办旧附件一：整改台账" {
		t.Fatalf("a file from before sharing read as %q", got)
	}
	if has, err := db.HasFile(ctx, old1.SHA256); err != nil || !has {
		t.Fatalf("a file read once is not in the database: %v, %v", has, err)
	}
	moved, err := fs.Adopt(ctx, map[string]bool{old1.SHA256: true, old2.SHA256: true, strings.Repeat("ab", 32): true})
	if err != nil || moved != 1 {
		t.Fatalf("Adopt moved %d, %v; want the one not read yet", moved, err)
	}
	if has, _ := db.HasFile(ctx, old2.SHA256); !has {
		t.Fatal("the adopted file is not in the database")
	}
	body := bytes.Repeat([]byte("新附件：现场核查记录。\n"), 50_000)
	saved, err := fs.Put("新附件.txt", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, saved.SHA256[:2], saved.SHA256)); !os.IsNotExist(err) {
		t.Fatalf("a file put while shared is in the folder too: %v", err)
	}
	if got := read(saved.SHA256); got != string(body) {
		t.Fatalf("the shared file read back as %d bytes, want %d", len(got), len(body))
	}
	if _, err := fs.Get(strings.Repeat("cd", 32)); err == nil {
		t.Fatal("a file kept nowhere was found")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".upload-*"))
	if len(left) > 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}
