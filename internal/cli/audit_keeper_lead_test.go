package cli

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/store/storetest"
)

// TestAuditKeeperLeadsOnOneInstance: two instances' keepers on one
// PostgreSQL database, with one webhook (a loopback server), publish each
// head once between them: at start, and when an audited write moves the
// head and both tick. The leader, a keeper in its run as serve runs it,
// stops and lets go of the lead: the other takes it at its next tick and
// publishes the head (a repeat, on failover), and then the heads to come.
func TestAuditKeeperLeadsOnOneInstance(t *testing.T) {
	ctx := context.Background()
	opts := storetest.Options(t, "postgres")
	dbA, dbB := storetest.OpenWith(t, opts), storetest.OpenWith(t, opts)

	var mu sync.Mutex
	var posted []audit.Checkpoint
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var c audit.Checkpoint
		if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		mu.Lock()
		posted = append(posted, c)
		mu.Unlock()
	}))
	defer hook.Close()
	seqs := func() []int64 {
		mu.Lock()
		defer mu.Unlock()
		var s []int64
		for _, c := range posted {
			s = append(s, c.Seq)
		}
		return s
	}
	want := func(step string, heads ...int64) {
		t.Helper()
		got := seqs()
		if len(got) != len(heads) {
			t.Fatalf("%s: posted heads %v, want %v", step, got, heads)
		}
		for i := range got {
			if got[i] != heads[i] {
				t.Fatalf("%s: posted heads %v, want %v", step, got, heads)
			}
		}
	}
	head := func() int64 {
		t.Helper()
		h, err := dbA.AuditHead(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return h.Seq
	}

	cfg := config.Defaults()
	cfg.AuditCheckpointWebhook = hook.URL
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := newAuditKeeper(dbA, cfg, time.Now, log)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newAuditKeeper(dbB, cfg, time.Now, log)
	if err != nil {
		t.Fatal(err)
	}
	defer b.resign()

	addUnits(t, dbA, "市财政局", "市法制办")
	h1 := head()
	// Both start as serve starts them: the lead taken, the head published.
	for _, k := range []*auditKeeper{a, b} {
		if k.lead(ctx) {
			k.checkpoint(ctx)
		}
	}
	want("at start", h1)
	if a.lock == nil || b.lock != nil {
		t.Fatalf("leads at start: a %v, b %v; want a alone", a.lock != nil, b.lock != nil)
	}

	// a runs as serve runs it (its first tick at once, then every 20 ms);
	// b is ticked by hand.
	actx, stop := context.WithCancel(ctx)
	a.interval = 20 * time.Millisecond
	done := make(chan struct{})
	go func() { defer close(done); a.run(actx) }()
	b.tick(ctx)
	time.Sleep(100 * time.Millisecond)
	want("both ticked, the head unmoved", h1)

	addUnits(t, dbB, "市编委办") // written through b: the head moves for both
	h2 := head()
	b.tick(ctx)
	for deadline := time.Now().Add(10 * time.Second); len(seqs()) < 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	b.tick(ctx)
	time.Sleep(100 * time.Millisecond)
	want("both ticked after a write", h1, h2)

	// The leader stops: its run's context ends, and the lock with it.
	stop()
	<-done
	if a.lock != nil {
		t.Fatal("a stopped keeper still holds the lead")
	}
	b.tick(ctx)
	want("the other's next tick after the leader stopped", h1, h2, h2)
	addUnits(t, dbA, "市人力社保局")
	h3 := head()
	b.tick(ctx)
	b.tick(ctx)
	want("the new leader after a write", h1, h2, h2, h3)
}
