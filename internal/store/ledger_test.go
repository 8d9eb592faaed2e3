package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
)

func ledgerPlan() *plandoc.Plan {
	return &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
		{Path: []string{"1"}, Title: "完善行政决策机制", Units: []string{"市法制办"},
			Deadlines:  []plandoc.Deadline{{Text: "2026年底前", Due: "2026-12-31"}, {Text: "每季度", Every: "quarter"}},
			Milestones: []plandoc.Milestone{{Text: "出台办法", Due: "2026-06-30"}, {Text: "全面实施", Due: "2026-12-31"}}},
		{Path: []string{"2"}, Title: "改革政府机构设置", Units: []string{"市编委办"},
			Deadlines: []plandoc.Deadline{{Text: "2026年9月底前", Due: "2026-09-30"}}},
	}}
}

// TestLedgerLifecycle walks a task from a draft plan through 挂号,
// progress, a returned and a granted 销号 application, on both databases.
func TestLedgerLifecycle(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, office, UserCreate{Username: "ducha", PasswordHash: "h", Role: "office"})
		if err != nil {
			t.Fatal(err)
		}
		office := audit.Actor{ID: u.ID, Username: u.Username, IP: "127.0.0.1"}
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p.txt", SourceSHA256: sha("ledger"), Format: "text",
			Plan: ledgerPlan(), Actor: office, Draft: true, SourceText: "一、…"})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: id})
		task := tasks[0]
		if task.Status != "draft" || task.Due != "2026-12-31" || task.NextDue != "2026-06-30" || task.Every != "quarter" {
			t.Fatalf("draft task = status %s due %s next %s every %s", task.Status, task.Due, task.NextDue, task.Every)
		}
		if _, n, _ := db.FindTasks(ctx, TaskFilter{PlanID: id, Registered: true}); n != 0 {
			t.Errorf("a draft plan's tasks are in the ledger: %d", n)
		}
		if src, _ := db.FindPlanSource(ctx, id); src != "一、…" {
			t.Errorf("source text %q", src)
		}
		// Review: the office corrects the task, then confirms the plan (挂号).
		title, goal := "完善重大行政决策机制", "重大决策全部依法履行程序"
		units := []UnitLink{{Name: "市法制办", Lead: true}, {Name: "市司法局"}}
		if _, err := db.UpdateTask(ctx, office, task.ID, TaskUpdate{Title: &title, Goal: &goal, Units: &units}); err != nil {
			t.Fatal(err)
		}
		if err := db.ConfirmPlan(ctx, office, id, nil); err != nil {
			t.Fatal(err)
		}
		if err := db.ConfirmPlan(ctx, office, id, nil); !errors.Is(err, ErrConflict) {
			t.Errorf("confirming twice = %v", err)
		}
		// Progress with a milestone done moves the next checkpoint.
		pct := 40.0
		if _, err := db.AddProgress(ctx, office, task.ID, ProgressInput{Period: "2026-Q2", Text: "办法已出台", Percent: &pct,
			Problems: "配套细则尚未出台", NextSteps: "6月底前印发细则",
			MilestonesDone: []int{0}, Attachments: []Attachment{{Filename: "办法.pdf", ContentType: "application/pdf", Size: 9, SHA256: sha("pdf")}}}); err != nil {
			t.Fatal(err)
		}
		got, _ := db.FindTaskByID(ctx, task.ID)
		if got.Status != "in_progress" || got.NextDue != "2026-12-31" || got.Percent == nil || *got.Percent != 40 ||
			got.Title != title || got.Goal != goal || len(got.LeadUnits) != 1 || got.MilestoneDone[0] == nil {
			t.Errorf("after progress: %+v", got)
		}
		latest, err := db.LatestReports(ctx, []int64{task.ID, 999999})
		if err != nil || len(latest) != 1 || latest[task.ID] != (LatestReport{Text: "办法已出台", Problems: "配套细则尚未出台", NextSteps: "6月底前印发细则"}) {
			t.Errorf("latest reports %+v %v", latest, err)
		}
		if periods, _ := db.ReportedPeriods(ctx, task.ID); !periods["2026-Q2"] {
			t.Errorf("reported periods %v", periods)
		}
		// 销号: applied for, returned with a reason, applied again, closed.
		if _, err := db.RequestClose(ctx, office, task.ID, 0, "已全面完成", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddProgress(ctx, office, task.ID, ProgressInput{Text: "x"}); !errors.Is(err, ErrState) {
			t.Errorf("progress while pending = %v", err)
		}
		if err := db.DecideClose(ctx, office, task.ID, false, ""); !errors.Is(err, ErrInvalid) {
			t.Errorf("return without reason = %v", err)
		}
		if err := db.DecideClose(ctx, office, task.ID, false, "佐证材料不足"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RequestClose(ctx, office, task.ID, 0, "补充材料后再申请", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.DecideClose(ctx, office, task.ID, true, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddProgress(ctx, office, task.ID, ProgressInput{Text: "x"}); !errors.Is(err, ErrClosed) {
			t.Errorf("progress on a closed task = %v", err)
		}
		if _, err := db.UpdateTask(ctx, office, task.ID, TaskUpdate{Title: &title}); !errors.Is(err, ErrClosed) {
			t.Errorf("editing a closed task = %v", err)
		}
		events, _ := db.FindTaskEvents(ctx, task.ID)
		kinds := ""
		for _, e := range events {
			kinds += e.Kind + " "
		}
		if kinds != "registered progress close_request returned close_request closed " {
			t.Errorf("history = %s", kinds)
		}
		reqs, _ := db.FindCloseRequests(ctx, task.ID)
		if len(reqs) != 2 || reqs[0].Decision != "closed" || reqs[1].Reason != "佐证材料不足" {
			t.Errorf("close requests %+v", reqs)
		}
		reports, _ := db.FindProgress(ctx, task.ID)
		if len(reports) != 1 || len(reports[0].Attachments) != 1 || reports[0].Problems != "配套细则尚未出台" || reports[0].NextSteps != "6月底前印发细则" {
			t.Fatalf("reports %+v", reports)
		}
		if a, owner, err := db.FindAttachment(ctx, reports[0].Attachments[0].ID); err != nil || owner != task.ID || a.Filename != "办法.pdf" {
			t.Errorf("FindAttachment = %+v %d %v", a, owner, err)
		}
	})
}

// TestLedgerFilters selects by derived status and light in SQL.
func TestLedgerFilters(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p.txt", SourceSHA256: sha("filters"), Format: "text", Plan: ledgerPlan()})
		if err != nil {
			t.Fatal(err)
		}
		day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
		// On 2026-09-25, task 2 (due 09-30) is due soon and task 1 (next 06-30) overdue.
		base := TaskFilter{PlanID: id, Today: day("2026-09-25"), DueSoonLimit: day("2026-10-09")}
		for _, c := range []struct {
			status ledger.Status
			light  ledger.Light
			want   int
		}{
			{ledger.StatusOverdue, "", 1}, {ledger.StatusDueSoon, "", 1}, {ledger.StatusNotStarted, "", 0},
			{"", ledger.Red, 1}, {"", ledger.Yellow, 1}, {"", ledger.Green, 0}, {ledger.StatusClosed, "", 0},
		} {
			f := base
			f.Status, f.Light = c.status, c.light
			if _, n, err := db.FindTasks(ctx, f); err != nil || n != c.want {
				t.Errorf("status %q light %q: %d tasks, %v; want %d", c.status, c.light, n, err, c.want)
			}
		}
		f := base
		f.Sort = "due"
		tasks, _, _ := db.FindTasks(ctx, f)
		if len(tasks) != 2 || tasks[0].NextDue != "2026-06-30" {
			t.Errorf("sorted by due: %v", tasks)
		}
	})
}
