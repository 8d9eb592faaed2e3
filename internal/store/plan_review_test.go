package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
)

// titles lists a plan's task titles in document order, checking that the
// places are 0, 1, 2….
func titles(t *testing.T, db *DB, id int64) []string {
	t.Helper()
	p, err := db.FindPlanByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for i, task := range p.Tasks {
		if task.Seq != i {
			t.Fatalf("task %q at place %d has seq %d", task.Title, i, task.Seq)
		}
		out = append(out, task.Title)
	}
	return out
}

func draftOf(t *testing.T, db *DB, name string, titles ...string) (int64, []int64) {
	t.Helper()
	ctx := context.Background()
	p := &plandoc.Plan{Title: "方案", Year: 2026}
	for i, s := range titles {
		p.Tasks = append(p.Tasks, plandoc.Task{Path: []string{string(rune('1' + i))}, Title: s, Text: s + "。"})
	}
	id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: name, SourceSHA256: sha(name), Format: "text", Plan: p, Draft: true,
		Warnings: []plandoc.Warning{{Kind: plandoc.WarnUnreadAnnex, Line: 3, Excerpt: "附件2"}}})
	if err != nil {
		t.Fatal(err)
	}
	full, err := db.FindPlanByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, task := range full.Tasks {
		ids = append(ids, task.ID)
	}
	return id, ids
}

// TestReviewEditsKeepOrder: adding, moving, splitting, merging and
// deleting keep the tasks in a dense, stable document order.
func TestReviewEditsKeepOrder(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		actor := audit.Actor{ID: 1, Username: "office"}
		plan, ids := draftOf(t, db, "a.txt", "甲", "乙", "丙")
		a, b, c := ids[0], ids[1], ids[2]

		d, err := db.AddTask(ctx, actor, plan, NewTask{After: a, Task: plandoc.Task{Path: []string{"1-1"}, Title: "丁"},
			Units: []UnitLink{{Name: "市财政局", Lead: true}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(t, db, plan); !reflect.DeepEqual(got, []string{"甲", "丁", "乙", "丙"}) {
			t.Fatalf("after add: %v", got)
		}
		first, err := db.AddTask(ctx, actor, plan, NewTask{Task: plandoc.Task{Path: []string{"0"}, Title: "首"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MoveTask(ctx, actor, plan, c, 0, &[]string{"0-1"}); err != nil {
			t.Fatal(err)
		}
		if got := titles(t, db, plan); !reflect.DeepEqual(got, []string{"丙", "首", "甲", "丁", "乙"}) {
			t.Fatalf("after move: %v", got)
		}
		if task, _ := db.FindTaskByID(ctx, c); !reflect.DeepEqual(task.Path, []string{"0-1"}) {
			t.Errorf("moved path = %v", task.Path)
		}
		text, title := "甲前半。", "甲"
		e, err := db.SplitTask(ctx, actor, plan, a, func([]Task, Task) (TaskUpdate, NewTask, error) {
			return TaskUpdate{Text: &text, Title: &title}, NewTask{Task: plandoc.Task{Path: []string{"1-2"}, Title: "甲后半", Text: "甲后半。"}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := titles(t, db, plan); !reflect.DeepEqual(got, []string{"丙", "首", "甲", "甲后半", "丁", "乙"}) {
			t.Fatalf("after split: %v", got)
		}
		merged := "乙。丁。"
		if err := db.MergeTasks(ctx, actor, plan, b, d, func(Task, Task) (TaskUpdate, error) { return TaskUpdate{Text: &merged}, nil }); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteTask(ctx, actor, plan, first); err != nil {
			t.Fatal(err)
		}
		if got := titles(t, db, plan); !reflect.DeepEqual(got, []string{"丙", "甲", "甲后半", "乙"}) {
			t.Fatalf("after merge and delete: %v", got)
		}
		if _, err := db.FindTaskByID(ctx, d); !errors.Is(err, ErrNotFound) {
			t.Errorf("merged-away task: %v", err)
		}
		if task, _ := db.FindTaskByID(ctx, e); task.Status != "draft" || task.PlanID != plan {
			t.Errorf("split-off task = %+v", task)
		}
		entries, _, err := db.FindAudit(ctx, AuditFilter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, en := range entries {
			actions = append(actions, en.Action)
		}
		if want := []string{"task.delete", "task.merge", "task.split", "task.move", "task.add", "task.add"}; !reflect.DeepEqual(actions[:6], want) {
			t.Errorf("audit = %v, want %v first", actions, want)
		}
	})
}

// TestReviewEditsOnDraftsOnly: a confirmed plan's structure, fields and
// existence are not review edits; a task of another plan is not found.
func TestReviewEditsOnDraftsOnly(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		actor := audit.Actor{ID: 1, Username: "office"}
		plan, ids := draftOf(t, db, "a.txt", "甲", "乙")
		other, others := draftOf(t, db, "b.txt", "丙")
		if err := db.DeleteTask(ctx, actor, plan, others[0]); !errors.Is(err, ErrNotFound) {
			t.Errorf("delete another plan's task: %v", err)
		}
		if err := db.MergeTasks(ctx, actor, plan, ids[0], others[0], func(Task, Task) (TaskUpdate, error) { return TaskUpdate{}, nil }); !errors.Is(err, ErrNotFound) {
			t.Errorf("merge with another plan's task: %v", err)
		}
		if err := db.ConfirmPlan(ctx, actor, plan, nil); err != nil {
			t.Fatal(err)
		}
		title := "新标题"
		for name, err := range map[string]error{
			"update": db.UpdatePlan(ctx, actor, plan, PlanUpdate{Title: &title}),
			"delete": db.DeletePlan(ctx, actor, plan),
			"move":   db.MoveTask(ctx, actor, plan, ids[1], 0, nil),
			"remove": db.DeleteTask(ctx, actor, plan, ids[0]),
		} {
			if !errors.Is(err, ErrNotDraft) || !errors.Is(err, ErrConflict) {
				t.Errorf("%s on a confirmed plan: %v", name, err)
			}
		}
		if _, err := db.AddTask(ctx, actor, plan, NewTask{Task: plandoc.Task{Path: []string{"9"}, Title: "新"}}); !errors.Is(err, ErrNotDraft) {
			t.Errorf("add to a confirmed plan: %v", err)
		}
		if err := db.DeletePlan(ctx, actor, other); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindPlanByID(ctx, other); !errors.Is(err, ErrNotFound) {
			t.Errorf("discarded plan: %v", err)
		}
		if _, err := db.FindTaskByID(ctx, others[0]); !errors.Is(err, ErrNotFound) {
			t.Errorf("discarded plan's task: %v", err)
		}
	})
}

// TestPlanFieldsAndWarnings: a draft's own fields change with the audit
// entry, and the document's warnings stay with the plan.
func TestPlanFieldsAndWarnings(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		plan, _ := draftOf(t, db, "a.txt", "甲")
		title, num, issued, year := "关于印发某方案的通知", "某政办〔2026〕1号", "2026-03-01", 2026
		if err := db.UpdatePlan(ctx, audit.System, plan, PlanUpdate{Title: &title, DocNumber: &num, IssuedOn: &issued, Year: &year}); err != nil {
			t.Fatal(err)
		}
		p, _ := db.FindPlanByID(ctx, plan)
		if p.Title != title || p.DocNumber != num || p.IssuedOn != issued || p.Year != 2026 {
			t.Errorf("plan = %+v", p)
		}
		none := ""
		if err := db.UpdatePlan(ctx, audit.System, plan, PlanUpdate{IssuedOn: &none}); err != nil {
			t.Fatal(err)
		}
		if p, _ := db.FindPlanByID(ctx, plan); p.IssuedOn != "" {
			t.Errorf("issued_on not cleared: %q", p.IssuedOn)
		}
		bad := "2026-13-01"
		if err := db.UpdatePlan(ctx, audit.System, plan, PlanUpdate{IssuedOn: &bad}); !errors.Is(err, ErrInvalid) {
			t.Errorf("bad date: %v", err)
		}
		w, err := db.FindPlanWarnings(ctx, plan)
		if err != nil {
			t.Fatal(err)
		}
		if want := []plandoc.Warning{{Kind: plandoc.WarnUnreadAnnex, Line: 3, Excerpt: "附件2"}}; !reflect.DeepEqual(w, want) {
			t.Errorf("warnings = %+v", w)
		}
		if _, err := db.FindPlanWarnings(ctx, 999); !errors.Is(err, ErrNotFound) {
			t.Errorf("warnings of no plan: %v", err)
		}
	})
}
