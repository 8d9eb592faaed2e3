package ledgersvc

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestReimportSkipsClosedRows (issue 14, defect 10): the unfiltered export
// of a plan with a closed (已销号) task, imported back unchanged, succeeds:
// the closed task's row is skipped with a note and gains no report. With
// the open task's progress rewritten, that row is recorded and the closed
// one is still passed over. 时间要求 in the sheet is the deadline's date.
func TestReimportSkipsClosedRows(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			plan, _, err := w.db.ImportPlan(ctx, records.PlanImport{SourceName: "r.txt", SourceSHA256: strings.Repeat("d", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "回导方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "已完成的任务", Units: []string{"市法制办"}},
					{Path: []string{"2"}, Title: "推进中的任务", Units: []string{"市法制办"},
						Deadlines: []plandoc.Deadline{{Text: "2026年底前", Due: "2026-12-31"}}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, err := w.db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
			if err != nil || len(tasks) != 2 {
				t.Fatalf("tasks %v", err)
			}
			closed, open := tasks[0].ID, tasks[1].ID
			if tasks[0].Title != "已完成的任务" {
				closed, open = open, closed
			}
			for _, id := range []int64{closed, open} {
				if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, id, ReportInput{Text: "第一次进展"}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := w.s.RequestClose(ctx, w.liaison, w.liaisonActor, closed, "已完成", nil); err != nil {
				t.Fatal(err)
			}
			if _, err := w.s.Decide(ctx, w.office, w.officeActor, closed, true, ""); err != nil {
				t.Fatal(err)
			}
			reports := func(id int64) int {
				d, err := w.s.Detail(ctx, w.office, id)
				if err != nil {
					t.Fatal(err)
				}
				return len(d.Progress)
			}
			var buf bytes.Buffer
			if err := w.s.Export(ctx, w.office, w.officeActor, records.TaskFilter{PlanID: plan}, &buf); err != nil {
				t.Fatal(err)
			}
			got, err := w.s.ImportProgress(ctx, w.liaison, w.liaisonActor, bytes.NewReader(buf.Bytes()), "台账.xlsx")
			if err != nil {
				t.Fatalf("the export imported back unchanged: %v", err)
			}
			if got.Imported != 0 || got.Skipped != 2 || len(got.Closed) != 1 || got.Closed[0].TaskID != closed ||
				got.Closed[0].Key != "report.import.closed_skipped" || !strings.Contains(got.Closed[0].Message, "已销号") {
				t.Errorf("the export imported back unchanged: %+v", got)
			}
			if n := reports(closed); n != 1 {
				t.Errorf("the closed task has %d reports after the import, want 1", n)
			}

			// The unit writes new progress on both rows: the open one is recorded.
			x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			sheet := x.GetSheetName(0)
			rows, _ := x.GetRows(sheet)
			progressCol := -1
			for _, r := range rows {
				for i, c := range r {
					if c == "进展情况" {
						progressCol = i
					}
				}
				if progressCol >= 0 {
					break
				}
			}
			if progressCol < 0 {
				t.Fatalf("no 进展情况 column: %v", rows)
			}
			edited := 0
			for i, r := range rows {
				if line := strings.Join(r, "|"); strings.Contains(line, "推进中的任务") &&
					(!strings.Contains(line, "|2026-12-31|") || strings.Contains(line, "2026年底前")) {
					t.Errorf("时间要求 is not the deadline's date: %s", line)
				}
				if len(r) > 1 && strings.Contains(strings.Join(r, "|"), "的任务") {
					cell, _ := excelize.CoordinatesToCellName(progressCol+1, i+1)
					if err := x.SetCellValue(sheet, cell, "第二次进展"); err != nil {
						t.Fatal(err)
					}
					edited++
				}
			}
			if edited != 2 {
				t.Fatalf("edited %d rows: %v", edited, rows)
			}
			var again bytes.Buffer
			if err := x.Write(&again); err != nil {
				t.Fatal(err)
			}
			got, err = w.s.ImportProgress(ctx, w.liaison, w.liaisonActor, &again, "台账.xlsx")
			if err != nil || got.Imported != 1 || got.Skipped != 1 || len(got.Closed) != 1 || got.Closed[0].TaskID != closed {
				t.Errorf("the sheet with new progress: %+v %v", got, err)
			}
			if n := reports(closed); n != 1 {
				t.Errorf("the closed task has %d reports, want 1", n)
			}
			if n := reports(open); n != 2 {
				t.Errorf("the open task has %d reports, want 2", n)
			}
		})
	}
}
