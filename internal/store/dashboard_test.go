package store

import (
	"context"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/supervise"
)

// TestReadDashboard: the lights counted in SQL are the ledger's: on
// 2026-03-16 with the warning limit at 03-20, a task due 03-10 is red,
// one due 03-18 yellow, one due in June green, a closed one blue; by plan,
// by unit (not the catch-all group), the overdue list and the events.
func TestReadDashboard(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		opts.Now = func() time.Time { return time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC) }
		db := openWith(t, opts)
		fzb, _ := db.CreateUnit(ctx, audit.System, UnitCreate{Name: "市法制办", Kind: UnitDepartment})
		if _, err := db.CreateUnit(ctx, audit.System, UnitCreate{Name: "各县（市、区）政府", Kind: UnitGroup}); err != nil {
			t.Fatal(err)
		}
		task := func(title, due string) plandoc.Task {
			return plandoc.Task{Path: []string{title}, Title: title, Units: []string{"市法制办", "各县（市、区）政府"},
				Deadlines: []plandoc.Deadline{{Text: due, Due: due}}}
		}
		plan := &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{task("甲", "2026-03-10"), task("乙", "2026-03-18"), task("丙", "2026-06-30"), task("丁", "2026-02-27")}}
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p", SourceSHA256: sha("dash"), Format: "text", Plan: plan})
		if err != nil {
			t.Fatal(err)
		}
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: id})
		u, err := db.CreateUser(ctx, audit.System, UserCreate{Username: "fzb", PasswordHash: "x", Role: "liaison", Units: []int64{fzb.ID}})
		if err != nil {
			t.Fatal(err)
		}
		actor := audit.Actor{ID: u.ID, Username: u.Username}
		if _, err := db.RequestClose(ctx, actor, tasks[3].ID, fzb.ID, "已完成", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.DecideClose(ctx, actor, tasks[3].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		if _, err := db.RecordSupervision(ctx, []supervise.Event{
			{Key: "p", TaskID: tasks[0].ID, Kind: supervise.KindPress, On: day("2026-03-11"), Recorded: day("2026-03-11")},
			{Key: "b", TaskID: tasks[0].ID, Kind: supervise.KindNotice, Level: "blue", On: day("2026-03-13"), Deadline: day("2026-03-20"), Recorded: day("2026-03-13")},
		}, func(supervise.Event) []Notification { return nil }); err != nil {
			t.Fatal(err)
		}
		d, err := db.ReadDashboard(ctx, day("2026-03-16"), day("2026-03-20"), 10)
		if err != nil {
			t.Fatal(err)
		}
		want := LightCounts{Red: 1, Yellow: 1, Green: 1, Blue: 1}
		if d.All != want || len(d.ByPlan) != 1 || d.ByPlan[0].LightCounts != want || d.ByPlan[0].Name != "方案" {
			t.Errorf("all %+v, by plan %+v", d.All, d.ByPlan)
		}
		if len(d.ByUnit) != 1 || d.ByUnit[0].Name != "市法制办" || d.ByUnit[0].LightCounts != want {
			t.Errorf("by unit %+v", d.ByUnit)
		}
		if len(d.Overdue) != 1 || d.Overdue[0].Title != "甲" || len(d.Overdue[0].Units) != 2 {
			t.Errorf("overdue %+v", d.Overdue)
		}
		if d.OpenNotices != 1 || len(d.Events) != 2 || d.Events[0].Kind != "press" || d.Events[0].N != 1 {
			t.Errorf("notices %d, events %+v", d.OpenNotices, d.Events)
		}
	})
}
