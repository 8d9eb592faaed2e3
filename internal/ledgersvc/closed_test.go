package ledgersvc

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestClosedTaskIsDone (issue 14, defect 7): a task whose last report
// said 60 % and that has a deadline ahead, once closed (已销号), shows
// 100 % and no next deadline on its page, in the list and in the
// exported sheet, beside 已销号.
func TestClosedTaskIsDone(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			plan, _, err := w.db.ImportPlan(ctx, records.PlanImport{SourceName: "c.txt", SourceSHA256: strings.Repeat("c", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "销号方案", Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "待销号的任务", Units: []string{"市法制办"},
					Deadlines: []plandoc.Deadline{{Text: "2026年6月底前", Due: "2026-06-30"}}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, err := w.db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
			if err != nil || len(tasks) != 1 {
				t.Fatalf("tasks %v", err)
			}
			id := tasks[0].ID
			sixty := 60.0
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, id, ReportInput{Text: "过半", Percent: &sixty}); err != nil {
				t.Fatal(err)
			}
			if d, err := w.s.Detail(ctx, w.office, id); err != nil || d.Percent == nil || *d.Percent != 60 || d.NextDue != "2026-06-30" {
				t.Fatalf("open task: %+v %v", d, err)
			}
			if _, err := w.s.RequestClose(ctx, w.liaison, w.liaisonActor, id, "已完成", nil); err != nil {
				t.Fatal(err)
			}
			if _, err := w.s.Decide(ctx, w.office, w.officeActor, id, true, ""); err != nil {
				t.Fatal(err)
			}
			d, err := w.s.Detail(ctx, w.office, id)
			if err != nil || d.Workflow != string(ledger.Closed) || d.Percent == nil || *d.Percent != 100 || d.NextDue != "" {
				t.Errorf("closed task's page: workflow %s, percent %v, next due %q, %v", d.Workflow, d.Percent, d.NextDue, err)
			}
			list, _, err := w.s.List(ctx, w.office, records.TaskFilter{PlanID: plan})
			if err != nil || len(list) != 1 || list[0].Percent == nil || *list[0].Percent != 100 || list[0].NextDue != "" {
				t.Errorf("closed task in the list: %+v %v", list, err)
			}
			var buf bytes.Buffer
			if err := w.s.Export(ctx, w.office, audit.Actor{ID: w.officeActor.ID, Username: "ducha"}, records.TaskFilter{PlanID: plan}, &buf); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			rows, _ := x.GetRows(x.GetSheetName(0))
			found := false
			for _, r := range rows {
				line := strings.Join(r, "|")
				if !strings.Contains(line, "待销号的任务") {
					continue
				}
				found = true
				if !strings.Contains(line, "已销号") || !strings.Contains(line, "100") || strings.Contains(line, "60") {
					t.Errorf("closed task's row in the sheet: %s", line)
				}
			}
			if !found {
				t.Errorf("the sheet has no row for the task: %v", rows)
			}
		})
	}
}
