package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// SweepAge is how old an unreferenced file must be before Sweep removes
// it. An upload is kept a moment before its record is committed, so a
// young file without a record may be an upload in flight; an hour is far
// beyond any request's life.
const SweepAge = time.Hour

// Swept counts what Sweep removed.
type Swept struct {
	Orphans int // kept files no record names
	Temps   int // temporaries left by uploads and copies a crash cut short
}

// Sweep removes, from the store's folder, kept files that no record
// names (referenced says which are) and temporary files, both only when
// last modified before olderThan, so that an upload in flight is never
// removed. duban runs it at start.
func (s *Store) Sweep(referenced func(sum string) bool, olderThan time.Time) (Swept, error) {
	var out Swept
	var errs []error
	err := filepath.WalkDir(s.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		if d.IsDir() {
			return nil
		}
		name := d.Name()
		temp := strings.HasPrefix(name, ".upload-") || strings.HasPrefix(name, ".copy-")
		orphan := isSum(name) && !referenced(name)
		if !temp && !orphan {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			return nil
		}
		if !info.ModTime().Before(olderThan) {
			return nil
		}
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			return nil
		}
		if temp {
			out.Temps++
		} else {
			out.Orphans++
		}
		return nil
	})
	if err = errors.Join(append(errs, err)...); err != nil {
		return out, fmt.Errorf("files: sweep %s: %w", s.dir, err)
	}
	return out, nil
}
