package calendarsvc

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/scheduler"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// clock is a settable clock shared by the services of a test.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// at is 10:00 in China on the given day.
func at(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d.Add(2 * time.Hour)
}

// TestHolidayMovesRunningDeadlines: two instances share one database. Two
// tasks due Friday 2026-06-05 are pressed on Monday 06-08 and get a blue
// 督办单 on Wednesday 06-10 with 5 working days to rectify, to 06-17. One
// unit answers. On 06-11 the office makes Monday 06-15 a local day off:
// the unanswered notice's deadline moves to 06-18 and says why, the
// answered one stays. The yellow notice, recorded by the other instance,
// comes one working day after the moved deadline — 06-22, since 06-19 is
// 端午节 and 06-20/21 a weekend — and not on 06-18, the day after the old
// one; and that instance sees the new day off after its next tick.
func TestHolidayMovesRunningDeadlines(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			clk := &clock{now: at("2026-05-04")}
			opts := storetest.Options(t, kind)
			opts.Now = clk.Now
			db1, db2 := storetest.OpenWith(t, opts), storetest.OpenWith(t, opts)
			plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
				// Each with a unit: a 督办单 needs someone to go to.
				{Path: []string{"1"}, Title: "任务甲", Units: []string{"市法制办"}, Deadlines: []plandoc.Deadline{{Text: "6月5日前", Due: "2026-06-05"}}},
				{Path: []string{"2"}, Title: "任务乙", Units: []string{"市财政局"}, Deadlines: []plandoc.Deadline{{Text: "6月5日前", Due: "2026-06-05"}}},
			}}
			if _, _, err := db1.ImportPlan(ctx, records.PlanImport{SourceName: "p", SourceSHA256: strings.Repeat("cd", 32), Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
			svc1 := &Service{Store: db1, Base: workday.Default(), Now: clk.Now}
			svc2 := &Service{Store: db2, Base: workday.Default(), Now: clk.Now}
			for _, s := range []*Service{svc1, svc2} {
				if err := s.Load(ctx); err != nil {
					t.Fatal(err)
				}
			}
			other := &scheduler.Scheduler{Store: db2, Calendar: svc2, Rules: supervise.Default(), Now: clk.Now,
				Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			tick := func(day string) {
				t.Helper()
				clk.now = at(day)
				if _, err := other.Tick(ctx); err != nil {
					t.Fatal(err)
				}
			}
			tick("2026-06-10")
			blue := func(task int64) supervise.Event {
				t.Helper()
				hist, err := db1.SupervisionHistory(ctx, []int64{task})
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range hist[task] {
					if e.Level == "blue" {
						return e
					}
				}
				t.Fatalf("task %d has no blue notice: %+v", task, hist[task])
				return supervise.Event{}
			}
			if d := blue(1).Deadline.Format(time.DateOnly); d != "2026-06-17" {
				t.Fatalf("blue notice due %s before the change, want 2026-06-17", d)
			}
			if err := db1.AnswerSupervision(ctx, audit.Actor{Username: "liaison"}, 2, blue(2).Key, "已整改", nil); err != nil {
				t.Fatal(err)
			}

			clk.now = at("2026-06-11")
			day, err := Correction(time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), SetOff, "地方节日")
			if err != nil {
				t.Fatal(err)
			}
			office := audit.Actor{ID: 0, Username: "ducha"}
			res, err := svc1.Apply(ctx, office, records.ScopeLocal, "单日更正", "市政府通知：6月15日放假一天", []workday.Day{day})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Moves) != 1 || res.Moves[0].TaskID != 1 || res.Moves[0].To.Format(time.DateOnly) != "2026-06-18" {
				t.Fatalf("moves = %+v, want task 1's notice moved from 2026-06-17 to 2026-06-18", res.Moves)
			}
			if res.Change.Moved != 1 || res.Change.Days != 1 {
				t.Errorf("change logged as %+v", res.Change)
			}
			moved := blue(1)
			if d := moved.Deadline.Format(time.DateOnly); d != "2026-06-18" {
				t.Errorf("stored deadline %s, want 2026-06-18", d)
			}
			if d := blue(2).Deadline.Format(time.DateOnly); d != "2026-06-17" {
				t.Errorf("the answered notice moved to %s; it no longer runs", d)
			}
			why := supervise.Explain(moved, svc1.Current(), i18n.New(i18n.ZhCN).T)
			for _, want := range []string{"截至 2026-06-18", "地方节日", "市政府通知：6月15日放假一天", "限期由 2026-06-17 改为 2026-06-18"} {
				if !strings.Contains(why, want) {
					t.Errorf("explanation lacks %q:\n%s", want, why)
				}
			}
			entries, _, err := db1.FindAudit(ctx, records.AuditFilter{Action: "calendar."})
			if err != nil || len(entries) != 1 || entries[0].Actor != "ducha" || !strings.Contains(entries[0].After, moved.Key) {
				t.Errorf("audit = %+v, %v; want one calendar.change by ducha naming %s", entries, err, moved.Key)
			}

			tick("2026-06-18")
			if n := levels(t, db1, 1)["yellow"]; n != 0 {
				t.Errorf("yellow notice on 2026-06-18, the old deadline's next day: the other instance kept the old calendar")
			}
			tick("2026-06-22")
			if n := levels(t, db1, 1)["yellow"]; n != 1 {
				t.Errorf("no yellow notice on 2026-06-22, the first working day after the moved deadline")
			}
			if svc2.Current().IsWorkday(day.Date) {
				t.Error("the other instance still counts 2026-06-15 as a working day")
			}
		})
	}
}

// levels counts a task's notices by level.
func levels(t *testing.T, db *store.DB, task int64) map[string]int {
	t.Helper()
	hist, err := db.SupervisionHistory(context.Background(), []int64{task})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, e := range hist[task] {
		n[e.Level]++
	}
	return n
}

// TestApplyRefusesBadChanges: a change without a reason or without days
// stores nothing.
func TestApplyRefusesBadChanges(t *testing.T) {
	ctx := context.Background()
	db := storetest.Open(t, "sqlite")
	svc := &Service{Store: db, Base: workday.Default(), Now: time.Now}
	day, _ := Correction(time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), SetOff, "地方节日")
	if _, err := svc.Apply(ctx, audit.System, records.ScopeLocal, "单日更正", "", []workday.Day{day}); !errors.Is(err, fault.ErrInvalid) {
		t.Errorf("no reason: %v, want ErrInvalid", err)
	}
	if _, err := svc.Apply(ctx, audit.System, records.ScopeLocal, "x.json", "理由", nil); !errors.Is(err, fault.ErrInvalid) {
		t.Errorf("no days: %v, want ErrInvalid", err)
	}
	if _, err := svc.Apply(ctx, audit.System, "province", "单日更正", "理由", []workday.Day{day}); !errors.Is(err, fault.ErrInvalid) {
		t.Errorf("unknown scope: %v, want ErrInvalid", err)
	}
	if v, _ := db.CalendarVersion(ctx); v != 0 {
		t.Errorf("a refused change was stored (version %d)", v)
	}
	if svc.Current().IsWorkday(day.Date) != true {
		t.Error("a refused change took effect")
	}
}
