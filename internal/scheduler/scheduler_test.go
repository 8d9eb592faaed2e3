package scheduler

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// peer is a webhook receiver on loopback that checks each message's
// signature and counts the messages by key.
type peer struct {
	mu   sync.Mutex
	keys map[string]int
	bad  int
}

func (p *peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := notify.VerifyWebhook("s3cret", r.Header, body, time.Now(), time.Hour); err != nil {
		p.bad++
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	key := r.Header.Get("Idempotency-Key")
	p.keys[key]++
}

// TestTwoInstancesSendOnce: two schedulers over one database (two
// instances of duban) tick at the same time, twice; every supervision
// event is recorded once and every notification reaches the peer once.
func TestTwoInstancesSendOnce(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			registered := time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return registered }
			db1 := storetest.OpenWith(t, opts)
			db2 := storetest.OpenWith(t, opts)
			plan := &plandoc.Plan{Title: "方案", Year: 2026}
			for i, due := range []string{"2026-02-13", "2026-02-27", "2026-03-06"} {
				plan.Tasks = append(plan.Tasks, plandoc.Task{Path: []string{string(rune('1' + i))}, Title: "任务" + due,
					Deadlines: []plandoc.Deadline{{Text: due, Due: due}}})
			}
			if _, _, err := db1.ImportPlan(ctx, store.PlanImport{SourceName: "p", SourceSHA256: strings.Repeat("ab", 32), Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
			pr := &peer{keys: map[string]int{}}
			srv := httptest.NewServer(pr)
			defer srv.Close()
			today := time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC)
			hook, err := notify.NewWebhook(srv.URL, "s3cret")
			if err != nil {
				t.Fatal(err)
			}
			mk := func(db *store.DB) *Scheduler {
				return &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(),
					Channels: map[string]notify.Channel{"webhook": hook},
					Limiters: map[string]*notify.Limiter{}, Now: func() time.Time { return today },
					Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			}
			s1, s2 := mk(db1), mk(db2)
			for round := 0; round < 2; round++ {
				var wg sync.WaitGroup
				for _, s := range []*Scheduler{s1, s2} {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if _, err := s.Tick(ctx); err != nil {
							t.Error(err)
						}
					}()
				}
				wg.Wait()
			}
			var events int
			hist, _ := db1.SupervisionHistory(ctx, []int64{1, 2, 3})
			for _, h := range hist {
				events += len(h)
			}
			if events == 0 {
				t.Fatal("no supervision event was recorded")
			}
			if pr.bad != 0 {
				t.Errorf("%d messages failed the signature check", pr.bad)
			}
			if len(pr.keys) != events {
				t.Errorf("the peer got %d distinct messages for %d events", len(pr.keys), events)
			}
			for k, n := range pr.keys {
				if n != 1 {
					t.Errorf("%s delivered %d times", k, n)
				}
			}
			sent, _ := db1.FindNotifications(ctx, "webhook", "sent", 0, 1000)
			if len(sent) != events {
				t.Errorf("%d webhook notifications marked sent, want %d", len(sent), events)
			}
		})
	}
}
