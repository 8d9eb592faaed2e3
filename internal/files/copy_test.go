package files

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCopyTree(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	s, _ := Open(src)
	a, err := s.Put("a.txt", strings.NewReader("第一份材料"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Put("b.pdf", strings.NewReader("%PDF-1.7 第二份"))
	os.WriteFile(filepath.Join(src, ".upload-123"), []byte("half an upload"), 0o600)

	dst := filepath.Join(t.TempDir(), "copy")
	n, err := CopyTree(ctx, src, dst)
	if err != nil || n.Files != 2 || n.Bytes != a.Size+b.Size {
		t.Fatalf("CopyTree = %+v, %v", n, err)
	}
	copied, _ := Open(dst)
	for _, sum := range []string{a.SHA256, b.SHA256} {
		f, err := copied.Get(sum)
		if err != nil {
			t.Errorf("%s not copied: %v", sum, err)
			continue
		}
		f.Close()
	}
	if _, err := os.Stat(filepath.Join(dst, ".upload-123")); err == nil {
		t.Error("an upload in flight was copied")
	}
	// Again into the same folder: nothing to copy.
	if n, err := CopyTree(ctx, src, dst); err != nil || n.Files != 0 {
		t.Errorf("second copy = %+v, %v", n, err)
	}
	// A missing source copies nothing.
	if n, err := CopyTree(ctx, filepath.Join(src, "none"), dst); err != nil || n.Files != 0 {
		t.Errorf("missing source = %+v, %v", n, err)
	}
	// A file whose content no longer matches its name fails the copy.
	os.WriteFile(s.path(a.SHA256), []byte("changed"), 0o600)
	if _, err := CopyTree(ctx, src, t.TempDir()); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged file copied: %v", err)
	}
}

func TestSweep(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	used, _ := s.Put("used.txt", strings.NewReader("有记录的材料"))
	orphan, _ := s.Put("orphan.txt", strings.NewReader("没有记录的材料"))
	young, _ := s.Put("young.txt", strings.NewReader("刚上传的材料"))
	temp := filepath.Join(dir, ".upload-9")
	os.WriteFile(temp, []byte("x"), 0o600)
	old := time.Now().Add(-2 * SweepAge)
	for _, p := range []string{s.path(used.SHA256), s.path(orphan.SHA256), temp} {
		os.Chtimes(p, old, old)
	}
	referenced := func(sum string) bool { return sum == used.SHA256 }
	got, err := s.Sweep(referenced, time.Now().Add(-SweepAge))
	if err != nil || got != (Swept{Orphans: 1, Temps: 1}) {
		t.Fatalf("Sweep = %+v, %v", got, err)
	}
	for sum, want := range map[string]bool{used.SHA256: true, orphan.SHA256: false, young.SHA256: true} {
		if _, err := os.Stat(s.path(sum)); (err == nil) != want {
			t.Errorf("%s kept %v, want %v", sum, err == nil, want)
		}
	}
}

// TestPutTouchesKeptFile: uploading content kept long ago marks the file
// young again, so that a sweep running before the upload's record lands
// does not take it for an orphan.
func TestPutTouchesKeptFile(t *testing.T) {
	s, _ := Open(t.TempDir())
	a, _ := s.Put("a.txt", strings.NewReader("旧材料"))
	old := time.Now().Add(-2 * SweepAge)
	os.Chtimes(s.path(a.SHA256), old, old)
	if _, err := s.Put("again.txt", strings.NewReader("旧材料")); err != nil {
		t.Fatal(err)
	}
	got, err := s.Sweep(func(string) bool { return false }, time.Now().Add(-SweepAge))
	if err != nil || got.Orphans != 0 {
		t.Errorf("a file just uploaded again was swept: %+v, %v", got, err)
	}
}
