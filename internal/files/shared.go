package files

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"
)

// Shared is a place every instance of duban reads the kept files from:
// the database, when it is PostgreSQL and several instances may serve it
// (store.DB implements it). Files are named there by their SHA-256 too.
type Shared interface {
	PutFile(ctx context.Context, sum string, size int64, r io.Reader) error
	HasFile(ctx context.Context, sum string) (bool, error)
	OpenFile(ctx context.Context, sum string) (io.ReadSeeker, error)
}

// sharedWait bounds a shared store's answer to one Put or Get, which have
// no context of their own: an upload or a download is a request's work.
const sharedWait = 2 * time.Minute

// Share makes the store keep new files in sh instead of its folder, and
// read them from sh. Files the folder holds from before (kept when the
// database had one instance, or before this version) are still served,
// and moved into sh the first time they are read, or by Adopt.
func (s *Store) Share(sh Shared) { s.shared = sh }

// Shared says whether the store keeps its files in a shared store.
func (s *Store) Shared() bool { return s.shared != nil }

// putShared moves a checked upload, written to the temporary file tmp,
// into the shared store.
func (s *Store) putShared(tmp, sum string, size int64) error {
	f, err := os.Open(tmp)
	if err != nil {
		return fmt.Errorf("files: %w", err)
	}
	defer f.Close()
	ctx, cancel := context.WithTimeout(context.Background(), sharedWait)
	defer cancel()
	return s.shared.PutFile(ctx, sum, size, f)
}

// getShared opens a file from the shared store; one the shared store
// lacks but the folder has (kept before sharing began) is moved there
// first, so that every instance finds it from then on.
func (s *Store) getShared(sum string) (io.ReadSeekCloser, error) {
	ctx, cancel := context.WithTimeout(context.Background(), sharedWait)
	defer cancel()
	has, err := s.shared.HasFile(ctx, sum)
	if err == nil && !has {
		err = s.adopt(ctx, sum)
	}
	if err != nil {
		return nil, err
	}
	// The reader reads its pieces as the download goes, each a short
	// query: no deadline on the whole, which a slow client may need.
	r, err := s.shared.OpenFile(context.Background(), sum)
	if err != nil {
		return nil, err
	}
	return sharedFile{r}, nil
}

// adopt copies the folder's file sum into the shared store. A file the
// folder lacks is os.ErrNotExist.
func (s *Store) adopt(ctx context.Context, sum string) error {
	f, err := os.Open(s.path(sum))
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("files: %w", err)
	}
	return s.shared.PutFile(ctx, sum, info.Size(), f)
}

// Adopt copies into the shared store every file of the folder that a
// record names (referenced) and the shared store lacks: the move of a
// single instance's attachments into PostgreSQL, run at start. The folder
// keeps its copies, for a way back. It returns how many were copied.
func (s *Store) Adopt(ctx context.Context, referenced map[string]bool) (int, error) {
	if s.shared == nil {
		return 0, nil
	}
	n := 0
	for sum := range referenced {
		if !isSum(sum) {
			continue
		}
		has, err := s.shared.HasFile(ctx, sum)
		if err != nil {
			return n, err
		}
		if has {
			continue
		}
		if err := s.adopt(ctx, sum); err != nil {
			if os.IsNotExist(err) {
				continue // named by a record, kept nowhere: Get says not found
			}
			return n, fmt.Errorf("files: adopt %s: %w", sum, err)
		}
		n++
	}
	return n, nil
}

// sharedFile is a file read from the shared store, which holds no
// resource between reads.
type sharedFile struct{ io.ReadSeeker }

func (sharedFile) Close() error { return nil }
