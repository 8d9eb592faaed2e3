package cli

import (
	"context"
	"log/slog"
	"time"

	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/store"
)

// sweepFiles removes, at start, the attachments no record names and the
// temporary files a crash left, those older than files.SweepAge only, so
// that another instance's upload in flight is never touched. The files'
// ages are the file system's, so the wall clock is used here, not the
// application's. A failure is logged and the start goes on: a file left
// over costs disk space, not correctness.
func sweepFiles(ctx context.Context, db *store.DB, fs *files.Store, log *slog.Logger) {
	sums, err := db.FileSums(ctx)
	if err != nil {
		log.Error("attachment sweep skipped", "err", err)
		return
	}
	if fs.Shared() {
		shareFiles(ctx, db, fs, sums, log)
	}
	swept, err := fs.Sweep(func(sum string) bool { return sums[sum] }, time.Now().Add(-files.SweepAge))
	if err != nil {
		log.Error("attachment sweep", "err", err)
	}
	if swept.Orphans+swept.Temps > 0 {
		log.Info("attachments swept", "orphans", swept.Orphans, "temporaries", swept.Temps)
	}
}

// shareFiles finishes, at start, the move of the attachments into the
// database (files.Store.Share, on PostgreSQL): the folder's files that
// records name and the database lacks are copied there, and the database's
// files that no record names are removed when older than files.SweepAge.
// Reading a file not yet moved moves it too, so a failure here is logged
// and the start goes on.
func shareFiles(ctx context.Context, db *store.DB, fs *files.Store, sums map[string]bool, log *slog.Logger) {
	moved, err := fs.Adopt(ctx, sums)
	if err != nil {
		log.Error("attachments: move into the database", "err", err)
	}
	if moved > 0 {
		log.Info("attachments moved into the database", "files", moved)
	}
	gone, err := db.SweepFileObjects(ctx, files.SweepAge)
	if err != nil {
		log.Error("attachments: database sweep", "err", err)
	}
	if gone > 0 {
		log.Info("attachments swept from the database", "orphans", gone)
	}
}
