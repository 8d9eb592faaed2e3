package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// TestSubtasksRollUp splits a registered task in two, reports on the
// parts and closes one, and reads the parent's percent rolled up from
// them at each step, on both databases; a sub-task cannot be split again.
func TestSubtasksRollUp(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		actor, lead, plan, parent := splitFixture(t, db)
		co, err := db.CreateUnit(ctx, actor, UnitCreate{Name: "市司法局", Kind: UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		ids, err := db.CreateSubtasks(ctx, parent.ID, records.SubtaskBatch{Actor: actor, Items: []records.SubtaskInput{
			{Title: "起草办法", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-06-30", Weight: 1},
			{Title: "组织实施", UnitID: co.ID, UnitName: co.Name, Due: "2026-11-30", Weight: 1},
		}})
		if err != nil {
			t.Fatal(err)
		}
		kids, err := db.FindSubtasks(ctx, parent.ID)
		if err != nil || len(kids) != 2 {
			t.Fatalf("sub-tasks = %v, %v", kids, err)
		}
		a := kids[0]
		if a.ID != ids[0] || a.ParentID != parent.ID || a.Status != "registered" || a.Due != "2026-06-30" || a.PartWeight != 1 ||
			len(a.UnitIDs) != 1 || a.UnitIDs[0] != lead.ID || a.LeadUnits[0] != "市法制办" || a.PlanID != plan ||
			len(a.Path) != 2 || a.Path[1] != "1" || a.RegisteredAt == nil {
			t.Errorf("sub-task A = %+v", a)
		}
		if got, _, _ := db.FindTasks(ctx, TaskFilter{Scoped: true, ScopeUnits: []int64{co.ID}, Registered: true}); len(got) != 1 || got[0].ID != ids[1] {
			t.Errorf("the 配合 unit's tasks = %v, want its sub-task", got)
		}
		percent := func() float64 {
			t.Helper()
			got, err := db.FindTaskByID(ctx, parent.ID)
			if err != nil || got.Percent == nil {
				t.Fatalf("parent = %+v, %v", got, err)
			}
			return *got.Percent
		}
		if p := percent(); p != 0 {
			t.Errorf("parent after the split = %v%%, want 0", p)
		}
		full, half, own := 100.0, 50.0, 90.0
		if _, err := db.AddProgress(ctx, actor, ids[0], ProgressInput{Text: "办法已起草", Percent: &full}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddProgress(ctx, actor, ids[1], ProgressInput{Text: "实施过半", Percent: &half}); err != nil {
			t.Fatal(err)
		}
		if p := percent(); p != 75 {
			t.Errorf("parent = %v%%, want 75 (100 and 50, weights 1 and 1)", p)
		}
		if got, _ := db.FindTaskByID(ctx, parent.ID); got.Status != "in_progress" {
			t.Errorf("parent status = %s, want in_progress once its parts began", got.Status)
		}
		// The parent's own report does not override its parts.
		if _, err := db.AddProgress(ctx, actor, parent.ID, ProgressInput{Text: "总体推进", Percent: &own}); err != nil {
			t.Fatal(err)
		}
		if p := percent(); p != 75 {
			t.Errorf("parent after its own report = %v%%, want 75", p)
		}
		if reports, _ := db.FindProgress(ctx, parent.ID); len(reports) != 1 || reports[0].Percent != nil {
			t.Errorf("the parent's own report kept a percent: %+v", reports)
		}
		// A closed part counts 100 % whatever it last reported.
		if _, err := db.AddProgress(ctx, actor, ids[1], ProgressInput{Text: "基本完成", Percent: &half}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RequestClose(ctx, actor, ids[1], co.ID, "已完成", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.DecideClose(ctx, actor, ids[1], true, ""); err != nil {
			t.Fatal(err)
		}
		if p := percent(); p != 100 {
			t.Errorf("parent after a part closed = %v%%, want 100", p)
		}
		// Two levels only; a closed task is not split.
		one := []records.SubtaskInput{{Title: "再分解", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-06-01", Weight: 1}}
		if _, err := db.CreateSubtasks(ctx, ids[0], records.SubtaskBatch{Actor: actor, Items: one}); !errors.Is(err, ErrSplitDepth) {
			t.Errorf("splitting a sub-task = %v, want ErrSplitDepth", err)
		}
		if _, err := db.CreateSubtasks(ctx, ids[1], records.SubtaskBatch{Actor: actor, Items: one}); err == nil {
			t.Error("a closed sub-task was split")
		}
		// All or nothing: a bad item stores none.
		bad := append(one, records.SubtaskInput{Title: "无期限", UnitID: lead.ID, UnitName: lead.Name, Weight: 1})
		var ie *ItemError
		if _, err := db.CreateSubtasks(ctx, parent.ID, records.SubtaskBatch{Actor: actor, Items: bad}); !errors.As(err, &ie) || ie.Index != 1 {
			t.Errorf("a batch with a bad item = %v", err)
		}
		if kids, _ := db.FindSubtasks(ctx, parent.ID); len(kids) != 2 {
			t.Errorf("after a refused batch the parent has %d sub-tasks", len(kids))
		}
		events, _ := db.FindTaskEvents(ctx, parent.ID)
		split := false
		for _, e := range events {
			split = split || e.Kind == records.EventSplit
		}
		if !split {
			t.Errorf("the parent's history has no split: %+v", events)
		}
	})
}

// TestRevokedSubtasksLeaveTheRollUp: a revoked sub-task is no longer owed,
// so the parent is judged on the others; revoking the parent takes its
// open sub-tasks with it.
func TestRevokedSubtasksLeaveTheRollUp(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		actor, lead, _, parent := splitFixture(t, db)
		ids, err := db.CreateSubtasks(ctx, parent.ID, records.SubtaskBatch{Actor: actor, Items: []records.SubtaskInput{
			{Title: "起草办法", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-06-30", Weight: 1},
			{Title: "组织实施", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-11-30", Weight: 1},
			{Title: "总结评估", UnitID: lead.ID, UnitName: lead.Name, Due: "2026-11-30", Weight: 1},
		}})
		if err != nil {
			t.Fatal(err)
		}
		full, some := 100.0, 40.0
		if _, err := db.AddProgress(ctx, actor, ids[0], ProgressInput{Text: "办法已起草", Percent: &full}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddProgress(ctx, actor, ids[1], ProgressInput{Text: "开始实施", Percent: &some}); err != nil {
			t.Fatal(err)
		}
		today := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
		if _, err := db.RevokeTask(ctx, actor, ids[2], "并入其他任务", today, nil); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.FindTaskByID(ctx, parent.ID); got.Percent == nil || *got.Percent != 70 {
			t.Errorf("parent with a revoked part = %v, want 70 (100 and 40; the revoked one weighs nothing)", got.Percent)
		}
		if _, err := db.RevokeTask(ctx, actor, parent.ID, "上级取消", today, nil); err != nil {
			t.Fatal(err)
		}
		kids, err := db.FindSubtasks(ctx, parent.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kids {
			if k.Status != "revoked" {
				t.Errorf("sub-task %q after its parent was revoked: %s", k.Title, k.Status)
			}
		}
	})
}

// splitFixture is an office account, its unit 市法制办 and a plan of
// ledgerPlan imported by it, with the plan's first task to split.
func splitFixture(t *testing.T, db *DB) (audit.Actor, *Unit, int64, Task) {
	t.Helper()
	ctx := context.Background()
	u, err := db.CreateUser(ctx, office, UserCreate{Username: "ducha", PasswordHash: "h", Role: "office"})
	if err != nil {
		t.Fatal(err)
	}
	actor := audit.Actor{ID: u.ID, Username: u.Username, IP: "127.0.0.1"}
	lead, err := db.CreateUnit(ctx, actor, UnitCreate{Name: "市法制办", Kind: UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	plan, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p.txt", SourceSHA256: sha("subtasks"), Format: "text",
		Plan: ledgerPlan(), Actor: actor})
	if err != nil {
		t.Fatal(err)
	}
	tasks, _, err := db.FindTasks(ctx, TaskFilter{PlanID: plan})
	if err != nil || len(tasks) == 0 {
		t.Fatalf("tasks of the plan to split: %v, %v", tasks, err)
	}
	return actor, lead, plan, tasks[0]
}
