package scheduler

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// TestIncrementalTicksMatchWholeWalks: two ledgers get the same writes
// over two months — reports, a 销号, a deadline moved into the past, an
// extension, a revocation — and tick twice a day, once before the day's
// write and once after. One scheduler keeps its place between ticks (the
// day's first tick walks the ledger, later ones look at the changed tasks
// only); the other is new at every tick and so walks the whole ledger.
// After every tick both ledgers hold the same supervision events, and a
// later tick of a day with no change looked at no task.
func TestIncrementalTicksMatchWholeWalks(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			registered := time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC)
			var dbs [2]*store.DB
			var actor audit.Actor
			for i := range dbs {
				opts := storetest.Options(t, kind)
				opts.Now = func() time.Time { return registered }
				dbs[i] = storetest.OpenWith(t, opts)
				u, err := dbs[i].CreateUser(ctx, audit.System, store.UserCreate{Username: "ducha", PasswordHash: "x", Role: "office"})
				if err != nil {
					t.Fatal(err)
				}
				actor = audit.Actor{ID: u.ID, Username: u.Username}
				plan := &plandoc.Plan{Title: "方案", Year: 2026}
				for j, due := range []string{"2026-02-13", "2026-02-27", "2026-03-06", "2026-03-20", "2026-04-30", "2026-06-30", "2026-09-30", "2026-12-31"} {
					tk := plandoc.Task{Path: []string{fmt.Sprint(j + 1)}, Title: "任务" + due, Units: []string{"市财政局"},
						Deadlines: []plandoc.Deadline{{Text: due, Due: due}}}
					if j >= 6 {
						tk.Deadlines = append(tk.Deadlines, plandoc.Deadline{Text: "每月", Every: "month"})
					}
					plan.Tasks = append(plan.Tasks, tk)
				}
				if _, _, err := dbs[i].ImportPlan(ctx, records.PlanImport{SourceName: "p", SourceSHA256: strings.Repeat("ab", 32), Format: "text", Plan: plan}); err != nil {
					t.Fatal(err)
				}
			}
			tasks, _, err := dbs[0].FindTasks(ctx, records.TaskFilter{Registered: true})
			if err != nil || len(tasks) != 8 {
				t.Fatalf("tasks %d, %v", len(tasks), err)
			}
			id := func(i int) int64 { return tasks[i].ID }
			var now time.Time
			mk := func(db *store.DB) *Scheduler {
				return &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(),
					Now: func() time.Time { return now }, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			}
			kept := mk(dbs[0])
			day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
			pct := 50.0
			writes := map[string]func(db *store.DB) error{
				"2026-02-16": func(db *store.DB) error {
					_, err := db.AddProgress(ctx, actor, id(1), store.ProgressInput{Text: "推进中", Percent: &pct})
					return err
				},
				"2026-02-24": func(db *store.DB) error {
					if _, err := db.RequestClose(ctx, actor, id(2), 0, "已完成", nil); err != nil {
						return err
					}
					return db.DecideClose(ctx, actor, id(2), true, "")
				},
				"2026-03-10": func(db *store.DB) error {
					due := "2026-02-20"
					_, err := db.AdjustTask(ctx, actor, id(5), records.TaskAdjust{Due: &due}, "提前完成时限", day("2026-03-10"), nil)
					return err
				},
				"2026-03-18": func(db *store.DB) error {
					if _, err := db.RequestExtension(ctx, actor, id(3), 0, "2026-05-15", "等待批复"); err != nil {
						return err
					}
					_, err := db.DecideExtension(ctx, actor, id(3), true, "同意", day("2026-03-18"), nil)
					return err
				},
				"2026-03-25": func(db *store.DB) error {
					_, err := db.RevokeTask(ctx, actor, id(4), "上级取消", day("2026-03-25"), nil)
					return err
				},
				"2026-04-02": func(db *store.DB) error {
					_, err := db.AddProgress(ctx, actor, id(6), store.ProgressInput{Period: "2026-03", Text: "三月进展"})
					return err
				},
			}
			events := func(db *store.DB) []string {
				hist, err := db.SupervisionHistory(ctx, []int64{id(0), id(1), id(2), id(3), id(4), id(5), id(6), id(7)})
				if err != nil {
					t.Fatal(err)
				}
				var keys []string
				for _, h := range hist {
					for _, e := range h {
						keys = append(keys, e.Key)
					}
				}
				slices.Sort(keys)
				return keys
			}
			sameDay, changedSameDay := 0, 0
			for d := day("2026-02-09"); d.Before(day("2026-04-15")); d = d.AddDate(0, 0, 1) {
				now = d.Add(time.Hour) // 09:00 in China
				for round := range 2 {
					if round == 1 {
						now = now.Add(6 * time.Hour)
						if w := writes[d.Format(time.DateOnly)]; w != nil {
							for _, db := range dbs {
								if err := w(db); err != nil {
									t.Fatalf("%s: %v", d.Format(time.DateOnly), err)
								}
							}
						}
					}
					res, err := kept.Tick(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if _, err := mk(dbs[1]).Tick(ctx); err != nil {
						t.Fatal(err)
					}
					a, b := events(dbs[0]), events(dbs[1])
					if !slices.Equal(a, b) {
						t.Fatalf("%s, tick %d: kept place %v\n walked whole %v", d.Format(time.DateOnly), round, a, b)
					}
					if round == 1 && writes[d.Format(time.DateOnly)] == nil {
						sameDay++
						if res.Checked != 0 {
							t.Errorf("%s: the second tick of a day without a change looked at %d tasks", d.Format(time.DateOnly), res.Checked)
						}
					}
					if round == 1 && writes[d.Format(time.DateOnly)] != nil && res.Recorded > 0 {
						changedSameDay++
					}
				}
			}
			if n := len(events(dbs[0])); n < 10 || sameDay == 0 || changedSameDay == 0 {
				t.Errorf("%d events; %d quiet later ticks; %d later ticks that recorded a change's events", n, sameDay, changedSameDay)
			}
		})
	}
}
