package store

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// TestLightsSummaryKeptByEveryWrite: after each write of a mix that
// moves tasks between plans' and units' lights — 挂号, progress, 销号
// applied for and granted, revocation, adjustment, extension, a plan
// discarded, units merged, supervision events — the summaries migration
// 0035 keeps equal the counts recomputed from the ledger, and the
// dashboard read from them equals the one counted task by task, for days
// on either side of every month the tasks fall due in.
func TestLightsSummaryKeptByEveryWrite(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, audit.System, UserCreate{Username: "ducha", PasswordHash: "x", Role: "office"})
		if err != nil {
			t.Fatal(err)
		}
		sys := audit.Actor{ID: u.ID, Username: u.Username}
		a, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市发展改革委", Kind: UnitDepartment})
		b, _ := db.CreateUnit(ctx, sys, UnitCreate{Name: "市发改委", Kind: UnitDepartment})
		if _, err := db.CreateUnit(ctx, sys, UnitCreate{Name: "市财政局", Kind: UnitDepartment}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateUnit(ctx, sys, UnitCreate{Name: "各县（市、区）政府", Kind: UnitGroup}); err != nil {
			t.Fatal(err)
		}
		plan := func(title string, n int) *plandoc.Plan {
			p := &plandoc.Plan{Title: title, Year: 2026}
			for i := range n {
				lead := []string{"市发展改革委", "市发改委"}[i%2]
				due := fmt.Sprintf("2026-%02d-%02d", i%12+1, 5+i%20)
				p.Tasks = append(p.Tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("%s任务%d", title, i),
					LeadUnits: []string{lead}, Units: []string{lead, "市财政局", "各县（市、区）政府"},
					Deadlines: []plandoc.Deadline{{Text: due, Due: due}}})
			}
			return p
		}
		check := func(step string) {
			t.Helper()
			checkLightsSummary(t, db, step)
		}
		check("empty")
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p1", SourceSHA256: sha("sum-1"), Format: "text", Plan: plan("甲", 14)})
		if err != nil {
			t.Fatal(err)
		}
		draft, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p2", SourceSHA256: sha("sum-2"), Format: "text", Plan: plan("乙", 4), Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		later, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "p3", SourceSHA256: sha("sum-3"), Format: "text", Plan: plan("丙", 5), Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		check("imported")
		tasks, _, _ := db.FindTasks(ctx, TaskFilter{PlanID: id})
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		for _, tk := range tasks[:4] {
			if _, err := db.AddProgress(ctx, sys, tk.ID, ProgressInput{Text: "推进中"}); err != nil {
				t.Fatal(err)
			}
		}
		check("progress")
		if _, err := db.RequestClose(ctx, sys, tasks[4].ID, a.ID, "已完成", nil); err != nil {
			t.Fatal(err)
		}
		if _, err := db.RequestClose(ctx, sys, tasks[5].ID, b.ID, "已完成", nil); err != nil {
			t.Fatal(err)
		}
		if err := db.DecideClose(ctx, sys, tasks[5].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		check("closing")
		if _, err := db.RevokeTask(ctx, sys, tasks[6].ID, "上级取消", day("2026-04-10"), nil); err != nil {
			t.Fatal(err)
		}
		check("revoked")
		due, units := "2026-11-30", []records.UnitLink{{Name: "市财政局", Lead: true}}
		if _, err := db.AdjustTask(ctx, sys, tasks[7].ID, records.TaskAdjust{Due: &due, Units: &units}, "职责调整", day("2026-04-10"), nil); err != nil {
			t.Fatal(err)
		}
		check("adjusted")
		if _, err := db.RequestExtension(ctx, sys, tasks[8].ID, a.ID, "2027-01-15", "等待批复"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.DecideExtension(ctx, sys, tasks[8].ID, true, "同意", day("2026-03-10"), nil); err != nil {
			t.Fatal(err)
		}
		check("extended")
		if _, err := db.RecordSupervision(ctx, []supervise.Event{
			{Key: "s1", TaskID: tasks[0].ID, Kind: supervise.KindPress, On: day("2026-03-11"), Recorded: day("2026-03-11")},
			{Key: "s2", TaskID: tasks[1].ID, Kind: supervise.KindPress, On: day("2026-03-11"), Recorded: day("2026-03-11")},
			{Key: "s3", TaskID: tasks[2].ID, Kind: supervise.KindNotice, Level: "blue", On: day("2026-03-13"), Deadline: day("2026-03-20"), Recorded: day("2026-03-13")},
		}, func(supervise.Event) []Notification { return nil }); err != nil {
			t.Fatal(err)
		}
		check("supervised")
		if err := db.DeletePlan(ctx, sys, draft); err != nil {
			t.Fatal(err)
		}
		check("discarded")
		if err := db.ConfirmPlan(ctx, sys, later, nil); err != nil {
			t.Fatal(err)
		}
		check("confirmed")
		if _, err := db.MergeUnit(ctx, sys, b.ID, a.ID); err != nil {
			t.Fatal(err)
		}
		check("merged")
		if err := db.DecideClose(ctx, sys, tasks[4].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		check("closed after merge")
		var rows int
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM unit_lights WHERE n <= 0`).Scan(&rows); err != nil || rows != 0 {
			t.Errorf("%d summary rows count nought or fewer (%v)", rows, err)
		}
	})
}

// checkLightsSummary compares the summaries with the counts recomputed
// from tasks, task_units and supervision_events, and the dashboard read
// from them with the one counted task by task.
func checkLightsSummary(t *testing.T, db *DB, step string) {
	t.Helper()
	ctx := context.Background()
	month := `CASE WHEN status IN ('closed', 'draft', 'revoked') OR next_due IS NULL THEN '' ELSE substr(next_due, 1, 7) END`
	if db.Kind() == "postgres" {
		month = `CASE WHEN status IN ('closed', 'draft', 'revoked') OR next_due IS NULL THEN '' ELSE to_char(next_due, 'YYYY-MM') END`
	}
	for _, q := range [][2]string{
		{`SELECT plan_id, status, month, n FROM task_lights ORDER BY 1, 2, 3`,
			`SELECT plan_id, status, ` + month + `, COUNT(*) FROM tasks GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`},
		{`SELECT unit, status, month, n FROM unit_lights ORDER BY 1, 2, 3`,
			`SELECT unit_id, status, ` + month + `, COUNT(*) FROM task_units WHERE unit_id IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`},
		{`SELECT on_day, kind, n FROM event_days ORDER BY 1, 2`,
			`SELECT on_day, kind, COUNT(*) FROM supervision_events GROUP BY 1, 2 ORDER BY 1, 2`},
	} {
		kept, counted := queryStrings(t, db, q[0]), queryStrings(t, db, q[1])
		if kept != counted {
			t.Errorf("%s: %s\n kept    %s\n counted %s", step, q[0], kept, counted)
		}
	}
	for _, today := range []string{"2026-01-01", "2026-01-20", "2026-03-09", "2026-03-31", "2026-06-15", "2026-11-28", "2026-12-31", "2027-01-10"} {
		d, _ := time.Parse(time.DateOnly, today)
		soon := d.AddDate(0, 0, 7)
		fast, err := db.ReadDashboard(ctx, d, soon, 5)
		if err != nil {
			t.Fatal(err)
		}
		slow := &Dashboard{}
		if err := db.countLights(ctx, slow, d.Format(dateLayout), soon.Format(dateLayout), nil); err != nil {
			t.Fatal(err)
		}
		if fast.All != slow.All || !reflect.DeepEqual(fast.ByPlan, slow.ByPlan) || !reflect.DeepEqual(fast.ByUnit, slow.ByUnit) {
			t.Errorf("%s, on %s: summary %+v %+v %+v\n counted %+v %+v %+v", step, today, fast.All, fast.ByPlan, fast.ByUnit, slow.All, slow.ByPlan, slow.ByUnit)
		}
	}
}

// queryStrings runs q and writes its rows out, one a line.
func queryStrings(t *testing.T, db *DB, q string) string {
	t.Helper()
	rows, err := db.read.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if s, ok := v.([]byte); ok {
				vals[i] = string(s)
			}
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
