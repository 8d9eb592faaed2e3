package store

import (
	"context"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/supervise"
)

// TestAssessmentInputSupervisedNotDue: a period's input holds the tasks
// due in it and the tasks supervised in it though due later, each once;
// a task neither due nor supervised in it stays out.
func TestAssessmentInputSupervisedNotDue(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		if _, err := db.CreateUnit(ctx, audit.System, UnitCreate{Name: "市财政局", Kind: UnitDepartment}); err != nil {
			t.Fatal(err)
		}
		task := func(title, due string) plandoc.Task {
			return plandoc.Task{Path: []string{title}, Title: title, Units: []string{"市财政局"}, Deadlines: []plandoc.Deadline{{Text: due, Due: due}}}
		}
		plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{task("甲", "2026-03-31"), task("乙", "2026-06-30"), task("丙", "2026-09-30")}}
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p", SourceSHA256: sha("supervised"), Format: "text", Plan: plan})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: id})
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		if _, err := db.RecordSupervision(ctx, []supervise.Event{
			{Key: "a", TaskID: tasks[0].ID, Kind: supervise.KindPress, On: day("2026-03-02"), Recorded: day("2026-03-02")},
			{Key: "b", TaskID: tasks[1].ID, Kind: supervise.KindPress, On: day("2026-03-03"), Recorded: day("2026-03-03")},
		}, func(supervise.Event) []Notification { return nil }); err != nil {
			t.Fatal(err)
		}
		p, _ := ledger.ParsePeriod("2026-Q1")
		in, err := db.AssessmentInput(ctx, p.Start, p.End)
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, tk := range in.Tasks {
			titles = append(titles, tk.Title)
			if len(tk.Units) != 1 {
				t.Errorf("%s has shares %+v", tk.Title, tk.Units)
			}
		}
		if len(titles) != 2 || titles[0] != "甲" || titles[1] != "乙" {
			t.Errorf("Q1 assesses %v, want 甲 (due) and 乙 (supervised)", titles)
		}
	})
}
