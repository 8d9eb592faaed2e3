package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"testing"
	"time"
)

// TestFilesKeptInTheDatabase: a file put in pieces (2.5 MiB: three) reads
// back byte for byte, a second put of it writes nothing new, a file never
// put is not found, and the sweep removes only the old file no record
// names.
func TestFilesKeptInTheDatabase(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		big := bytes.Repeat([]byte("督办附件 evidence\n"), 2_500_000/22)
		sum := hex.EncodeToString(func() []byte { h := sha256.Sum256(big); return h[:] }())
		for range 2 {
			if err := db.PutFile(ctx, sum, int64(len(big)), bytes.NewReader(big)); err != nil {
				t.Fatal(err)
			}
		}
		var chunks int
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM file_chunks`).Scan(&chunks); err != nil || chunks != 3 {
			t.Fatalf("pieces = %d, %v; want 3", chunks, err)
		}
		r, err := db.OpenFile(ctx, sum)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if !bytes.Equal(got, big) {
			t.Fatalf("read back %d bytes, differing from the %d put", len(got), len(big))
		}
		// A download resumed at a range across two pieces.
		if _, err := r.Seek(fileChunk-5, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		part := make([]byte, 10)
		if _, err := io.ReadFull(r, part); err != nil || !bytes.Equal(part, big[fileChunk-5:fileChunk+5]) {
			t.Fatalf("a range across two pieces: %q, %v", part, err)
		}
		if end, err := r.Seek(0, io.SeekEnd); err != nil || end != int64(len(big)) {
			t.Fatalf("seek to the end: %d, %v", end, err)
		}
		if has, err := db.HasFile(ctx, sum); err != nil || !has {
			t.Fatalf("HasFile = %v, %v", has, err)
		}
		if _, err := db.OpenFile(ctx, sha("never put")); !errors.Is(err, ErrNotFound) {
			t.Fatalf("a file never put: %v, want ErrNotFound", err)
		}
		if err := db.PutFile(ctx, sha("short"), 10, bytes.NewReader([]byte("short"))); err == nil {
			t.Fatal("a put shorter than its size was kept")
		}
		named := []byte("%PDF-1.4 named by a record")
		namedSum := hex.EncodeToString(func() []byte { h := sha256.Sum256(named); return h[:] }())
		if err := db.PutFile(ctx, namedSum, int64(len(named)), bytes.NewReader(named)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.ExecContext(ctx, db.dialect.rebind(`INSERT INTO attachments (owner_type, owner_id, filename, content_type, size, sha256, created_at)
			VALUES ('report', 1, 'a.pdf', 'application/pdf', ?, ?, ?)`), len(named), namedSum, testNow); err != nil {
			t.Fatal(err)
		}
		if n, err := db.SweepFileObjects(ctx, time.Hour); err != nil || n != 0 {
			t.Fatalf("sweep of young files removed %d, %v", n, err)
		}
		if n, err := db.SweepFileObjects(ctx, -time.Second); err != nil || n != 1 {
			t.Fatalf("sweep of old files removed %d, %v; want the one no record names", n, err)
		}
		if has, _ := db.HasFile(ctx, sum); has {
			t.Fatal("the swept file is still there")
		}
		if has, _ := db.HasFile(ctx, namedSum); !has {
			t.Fatal("the file a record names was swept")
		}
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM file_chunks`).Scan(&chunks); err != nil || chunks != 1 {
			t.Fatalf("pieces left = %d, %v; want 1", chunks, err)
		}
	})
}

// TestRateCounts: counts add up per scope, key and window, a taken count
// can be given back, and a new window starts at zero.
func TestRateCounts(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		w := testNow.Truncate(time.Minute)
		for i, c := range []struct {
			scope, key string
			start      time.Time
			add, want  int
		}{
			{"signin.address", "10.0.0.1", w, 1, 1},
			{"signin.address", "10.0.0.1", w, 1, 2},
			{"signin.address", "10.0.0.2", w, 1, 1},
			{"signin.account", "10.0.0.1", w, 1, 1},
			{"signin.address", "10.0.0.1", w, -1, 1},
			{"signin.address", "10.0.0.1", w.Add(time.Minute), 1, 1},
		} {
			if n, err := db.CountRate(ctx, c.scope, c.key, c.start, c.add); err != nil || n != c.want {
				t.Fatalf("%d: count = %d, %v; want %d", i, n, err, c.want)
			}
		}
	})
}

// TestJobLock: while one holder has a job's lock another cannot take it;
// once released it can. (On SQLite, one instance, it is always granted.)
func TestJobLock(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		a, b := openWith(t, opts), openWith(t, opts)
		release, ok, err := a.TryJobLock(ctx, "scheduler")
		if err != nil || !ok {
			t.Fatalf("first holder: %v, %v", ok, err)
		}
		_, ok, err = b.TryJobLock(ctx, "scheduler")
		if err != nil || ok != (optsKind(opts) == "sqlite") {
			t.Fatalf("second holder while held: %v, %v", ok, err)
		}
		other, ok, err := b.TryJobLock(ctx, "another job")
		if err != nil || !ok {
			t.Fatalf("another job's lock: %v, %v", ok, err)
		}
		other()
		release()
		release2, ok, err := b.TryJobLock(ctx, "scheduler")
		if err != nil || !ok {
			t.Fatalf("after release: %v, %v", ok, err)
		}
		release2()
	})
}
