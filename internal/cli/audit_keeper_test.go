package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/store/storetest"
)

// TestAuditKeeper drives the serve job tick by tick: each tick whose head
// moved appends one synced line to the checkpoint file and POSTs the same
// JSON to the webhook (a loopback server); a failing webhook or an
// unwritable file is logged and the job carries on; with a retention the
// old entries are purged and the purge is checkpointed; and the file then
// verifies against the database.
func TestAuditKeeper(t *testing.T) {
	ctx := context.Background()
	opts := storetest.Options(t, "sqlite")
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	opts.Now = clock
	db := storetest.OpenWith(t, opts)

	var mu sync.Mutex
	var posted []audit.Checkpoint
	failing := true
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if failing {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		var c audit.Checkpoint
		if r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&c) != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		posted = append(posted, c)
	}))
	defer hook.Close()

	cfg := config.Defaults()
	cfg.AuditCheckpointFile = filepath.Join(t.TempDir(), "audit.checkpoints")
	cfg.AuditCheckpointWebhook = hook.URL
	var logs bytes.Buffer
	k, err := newAuditKeeper(db, cfg, clock, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	lines := func() []string {
		data, _ := os.ReadFile(cfg.AuditCheckpointFile)
		return strings.Fields(string(data))
	}

	addUnits(t, db, "市财政局", "市法制办", "市编委办")
	k.tick(ctx) // the webhook is down: the file gets its line, the error is logged
	if len(lines()) != 1 || !strings.Contains(logs.String(), "audit checkpoint failed") || !strings.Contains(logs.String(), "503") {
		t.Fatalf("tick with the webhook down: %d lines, log %s", len(lines()), logs.String())
	}
	mu.Lock()
	failing = false
	mu.Unlock()
	k.tick(ctx) // tried again, since the last publication failed
	k.tick(ctx) // the head has not moved: nothing new
	if got := lines(); len(got) != 2 || len(posted) != 1 || posted[0].Seq != 3 {
		t.Fatalf("after the retry: %d lines, posted %+v", len(got), posted)
	}

	now = time.Now().UTC()
	addUnits(t, db, "市人力社保局")
	k.retention = 30
	k.tick(ctx) // purges #1–#3, checkpoints the purge; the head is then the summary
	got := lines()
	if len(got) != 3 || !strings.Contains(got[2], `"kind":"purge"`) || len(posted) != 2 || posted[1].Purge == nil || posted[1].Purge.To != 3 {
		t.Fatalf("after the purge: lines %v, posted %+v, log %s", got, posted, logs.String())
	}
	f, _ := os.Open(cfg.AuditCheckpointFile)
	cps, err := audit.ReadCheckpoints(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if n, problems, err := db.VerifyAuditCheckpoints(ctx, cps, nil); err != nil || len(problems) != 0 || n != 2 {
		t.Errorf("verify against the keeper's file: %d entries, %v, %v", n, problems, err)
	}

	// An unwritable file is logged too, and the tick returns.
	k.file = filepath.Join(t.TempDir(), "missing", "folder", "cp")
	addUnits(t, db, "市教育局")
	k.tick(ctx)
	if !strings.Contains(logs.String(), "no such file") {
		t.Errorf("an unwritable checkpoint file was not logged: %s", logs.String())
	}
}

// TestServeCheckpointsAtStart: serve configured with a checkpoint file
// writes the head there before it serves anything.
func TestServeCheckpointsAtStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := config.Defaults()
	cfg.DataDir, cfg.Addr, cfg.LogLevel, cfg.Scheduler = t.TempDir(), "127.0.0.1:0", "error", false
	cfg.AuditCheckpointFile = filepath.Join(t.TempDir(), "audit.checkpoints")
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	app, err := Open(ctx, cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	addUnits(t, app.Store, "市财政局")
	head, _ := app.Store.AuditHead(ctx)
	var atReady []byte
	if err := app.Run(ctx, env, func(net.Addr) {
		atReady, _ = os.ReadFile(cfg.AuditCheckpointFile)
		cancel()
	}); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(cfg.AuditCheckpointFile)
	cps, err := audit.ReadCheckpoints(f)
	f.Close()
	if err != nil || len(cps) != 1 || cps[0].Seq != head.Seq || cps[0].Hash != head.Hash || len(atReady) == 0 {
		t.Errorf("checkpoints after serve: %+v, %v (at ready: %q); head %+v", cps, err, atReady, head)
	}
}
