package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// TestChangesAndAssessment: an approved extension moves the task into the
// period of its new deadline, and a revoked task leaves the assessment
// of every period that reaches the day it was revoked, while the periods
// before keep it.
func TestChangesAndAssessment(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		task := func(title, due string) plandoc.Task {
			return plandoc.Task{Path: []string{"1"}, Title: title, Units: []string{"市法制办"}, LeadUnits: []string{"市法制办"},
				Deadlines: []plandoc.Deadline{{Text: "按期完成", Due: due}}}
		}
		plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "a.txt", SourceSHA256: strings.Repeat("d", 64), Format: "text",
			Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{task("延期的任务", "2026-03-20"), task("撤销的任务", "2026-03-25")}}})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
		if err != nil || len(tasks) != 2 {
			t.Fatal(tasks, err)
		}
		extended, revoked := tasks[0].ID, tasks[1].ID
		liaison := audit.Actor{ID: 7, Username: "liaison"}
		if _, err := db.RequestExtension(ctx, liaison, extended, u.ID, "2026-05-15", "等待批复"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RequestExtension(ctx, liaison, extended, u.ID, "2026-05-20", "再次申请"); err == nil {
			t.Error("a second open request was taken")
		}
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		dec, err := db.DecideExtension(ctx, audit.System, extended, true, "同意", day("2026-03-10"), nil)
		if err != nil || dec.Before["due"] != "2026-03-20" || dec.After["due"] != "2026-05-15" {
			t.Fatalf("decision %+v %v", dec, err)
		}
		if _, err := db.RevokeTask(ctx, audit.System, revoked, "上级取消", day("2026-04-10"), nil); err != nil {
			t.Fatal(err)
		}
		assessed := func(from, to string) map[int64]bool {
			in, err := db.AssessmentInput(ctx, day(from), day(to))
			if err != nil {
				t.Fatal(err)
			}
			out := map[int64]bool{}
			for _, tk := range in.Tasks {
				out[tk.ID] = true
			}
			return out
		}
		march := assessed("2026-03-01", "2026-03-31")
		if march[extended] || !march[revoked] {
			t.Errorf("March assesses %v: want the revoked task (revoked in April) and not the extended one", march)
		}
		if q2 := assessed("2026-04-01", "2026-06-30"); !q2[extended] || q2[revoked] {
			t.Errorf("Q2 assesses %v: want the extended task and not the revoked one", q2)
		}
		if firstHalf := assessed("2026-01-01", "2026-06-30"); firstHalf[revoked] {
			t.Errorf("a period reaching the day of the revocation assesses it: %v", firstHalf)
		}
		changes, err := db.FindTaskChanges(ctx, extended)
		if err != nil || len(changes) != 2 || changes[0].State != "approved" || changes[1].RequestID != changes[0].ID {
			t.Errorf("history %+v %v", changes, err)
		}
	})
}
