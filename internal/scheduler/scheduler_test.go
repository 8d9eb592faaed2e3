package scheduler

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/notify"
	"github.com/duban/duban/internal/notify/smtptest"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
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
			if _, _, err := db1.ImportPlan(ctx, records.PlanImport{SourceName: "p", SourceSHA256: strings.Repeat("ab", 32), Format: "text", Plan: plan}); err != nil {
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
			// Each keeps its message, which the inbox renders in the
			// reader's language: in zh-CN it is what was sent.
			zh := i18n.New(i18n.ZhCN)
			for _, n := range sent {
				if len(n.Message) < 3 || zh.Render(n.Message[0]) != n.Title || zh.RenderLines(n.Message[1:]) != n.Text {
					t.Errorf("notification %s keeps %+v for %q %q", n.Key, n.Message, n.Title, n.Text)
				}
			}
		})
	}
}

// TestRulesPerPlan: the office's rules for one plan (no reminder, no
// 催办, no ladder: only its reports are watched) replace the default for
// that plan's tasks alone; cleared, the plan follows the default again.
func TestRulesPerPlan(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC) }
			db := storetest.OpenWith(t, opts)
			var plans []int64
			for i, title := range []string{"重点攻坚方案", "日常工作方案"} {
				plan := &plandoc.Plan{Title: title, Year: 2026, Tasks: []plandoc.Task{{Path: []string{"1"}, Title: title + "任务",
					Deadlines: []plandoc.Deadline{{Text: "2月27日前", Due: "2026-02-27"}}}}}
				id, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: title, SourceSHA256: strings.Repeat(string(rune('a'+i)), 64), Format: "text", Plan: plan})
				if err != nil {
					t.Fatal(err)
				}
				plans = append(plans, id)
			}
			quiet := supervise.Rules{ReportDay: 25}
			office := audit.Actor{Username: "ducha"}
			if err := db.SetSupervisionRules(ctx, office, plans[1], quiet); err != nil {
				t.Fatal(err)
			}
			if err := db.SetSupervisionRules(ctx, office, plans[1], supervise.Rules{RemindWorkdays: -1}); !errors.Is(err, fault.ErrInvalid) {
				t.Errorf("bad rules stored: %v", err)
			}
			if err := db.SetSupervisionRules(ctx, office, 999, quiet); !errors.Is(err, fault.ErrNotFound) {
				t.Errorf("rules for a missing plan: %v", err)
			}
			today := time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC)
			s := &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(), Now: func() time.Time { return today },
				Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			events, _, err := s.DryRun(ctx, workday.DateOf(today))
			if err != nil {
				t.Fatal(err)
			}
			byPlan := map[int64]int{}
			for _, e := range events {
				task, _ := db.FindTaskByID(ctx, e.TaskID)
				byPlan[task.PlanID]++
			}
			if byPlan[plans[0]] == 0 || byPlan[plans[1]] != 0 {
				t.Errorf("events by plan %v: want some for the default plan and none for the quiet one", byPlan)
			}
			if err := db.ClearSupervisionRules(ctx, office, plans[1]); err != nil {
				t.Fatal(err)
			}
			events, _, _ = s.DryRun(ctx, workday.DateOf(today))
			if len(events) != 2*byPlan[plans[0]] {
				t.Errorf("after clearing, %d events, want %d (both plans on the default)", len(events), 2*byPlan[plans[0]])
			}
			entries, _, _ := db.FindAudit(ctx, records.AuditFilter{Action: "supervise.rules"})
			if len(entries) != 2 || entries[0].Action != "supervise.rules_cleared" || entries[1].Actor != "ducha" {
				t.Errorf("audit %+v", entries)
			}
		})
	}
}

// TestMailToUnits: with mail configured, each event is mailed to the
// units of the task that have addresses — to a real SMTP server on
// loopback — once, though two instances tick at once; a unit without an
// address gets its inbox message only.
func TestMailToUnits(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC) }
			db1, db2 := storetest.OpenWith(t, opts), storetest.OpenWith(t, opts)
			if _, err := db1.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment,
				Email: "fazhiban@example.gov.cn； zhaomin@example.gov.cn"}); err != nil {
				t.Fatal(err)
			}
			if _, err := db1.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment}); err != nil {
				t.Fatal(err)
			}
			plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "完善行政决策机制",
				Units: []string{"市法制办", "市财政局"}, Deadlines: []plandoc.Deadline{{Text: "2月27日前", Due: "2026-02-27"}}}}}
			if _, _, err := db1.ImportPlan(ctx, records.PlanImport{SourceName: "p", SourceSHA256: strings.Repeat("ef", 32), Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
			srv := smtptest.Start(t, nil)
			mk := func(db *store.DB) *Scheduler {
				mail, err := notify.NewEmail(notify.SMTPConfig{Addr: srv.Addr, From: "督办系统 <duban@example.gov.cn>", Timeout: 5 * time.Second})
				if err != nil {
					t.Fatal(err)
				}
				return &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(),
					Channels: map[string]notify.Channel{"email": mail}, Limiters: map[string]*notify.Limiter{},
					Now: func() time.Time { return time.Date(2026, 3, 3, 2, 0, 0, 0, time.UTC) }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			}
			var wg sync.WaitGroup
			for _, s := range []*Scheduler{mk(db1), mk(db2)} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if _, err := s.Tick(ctx); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			hist, _ := db1.SupervisionHistory(ctx, []int64{1})
			got := srv.Messages()
			if len(hist[1]) == 0 || len(got) != len(hist[1]) {
				t.Fatalf("%d events, %d mails", len(hist[1]), len(got))
			}
			for _, m := range got {
				if strings.Join(m.To, ",") != "fazhiban@example.gov.cn,zhaomin@example.gov.cn" || !strings.Contains(string(m.Data), "Subject:") {
					t.Errorf("mail to %v", m.To)
				}
			}
			sent, _ := db1.FindNotifications(ctx, "email", "sent", 0, 100)
			if len(sent) != len(hist[1]) || sent[0].Recipient == "" {
				t.Errorf("e-mail outbox %+v", sent)
			}
		})
	}
}
