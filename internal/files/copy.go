package files

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Copied counts what CopyTree copied.
type Copied struct {
	Files int
	Bytes int64
}

// CopyTree copies every kept file of the folder src into dst, in the same
// layout, for backups and restores. Each file is checked against its name,
// which is its SHA-256, while it is copied: a damaged attachment fails the
// copy instead of being carried into a backup. Files dst already holds are
// left alone (the same name is the same content); temporary files of
// uploads in flight are skipped. A missing src copies nothing.
func CopyTree(ctx context.Context, src, dst string) (Copied, error) {
	var done Copied
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == src && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		sum := d.Name()
		if d.IsDir() || !isSum(sum) || filepath.Base(filepath.Dir(path)) != sum[:2] {
			return nil // folders, and upload temporaries (.upload-*)
		}
		to := filepath.Join(dst, sum[:2], sum)
		if _, err := os.Lstat(to); err == nil {
			return nil
		}
		n, err := copyChecked(path, to, sum)
		done.Files++
		done.Bytes += n
		return err
	})
	if err != nil {
		return done, fmt.Errorf("files: copy %s → %s: %w", src, dst, err)
	}
	return done, nil
}

// copyChecked copies one kept file through a synced temporary file and a
// rename, so that dst never holds half a file.
func copyChecked(src, dst, sum string) (int64, error) {
	in, err := os.Open(src)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".copy-*")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, err
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != sum {
		return n, fmt.Errorf("%s is damaged: its content's SHA-256 is %s", src, got)
	}
	return n, os.Rename(tmp.Name(), dst)
}

// isSum reports whether name is a lower-case hex SHA-256, the name of a
// kept file.
func isSum(name string) bool {
	return len(name) == 64 && strings.Trim(name, "0123456789abcdef") == ""
}
