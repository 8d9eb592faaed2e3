package ledgersvc

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestReportProblemsAndNextSteps: a report's 存在问题 and 下步计划 are kept
// (trimmed, optional, no longer than the report's text may be), shown in
// the exported ledger in their own columns beside 进展情况, and a sheet
// whose 存在问题 the unit changed comes back as a new report, while the
// export sent back unchanged is the same report.
func TestReportProblemsAndNextSteps(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			w := newWorld(t, kind)
			ctx := context.Background()
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "进展", Problems: strings.Repeat("问", MaxText+1)}); fieldKey(err, "problems") != "error.text_too_long" {
				t.Errorf("a long 存在问题: %v", err)
			}
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "进展", NextSteps: strings.Repeat("下", MaxText+1)}); fieldKey(err, "next_steps") != "error.text_too_long" {
				t.Errorf("a long 下步计划: %v", err)
			}
			if _, _, err := w.s.Report(ctx, w.liaison, w.liaisonActor, w.task, ReportInput{Text: "已完成调研",
				Problems: "  资金未到位 ", NextSteps: "\n月底前报市政府常务会议审议"}); err != nil {
				t.Fatal(err)
			}
			reports, err := w.db.FindProgress(ctx, w.task)
			if err != nil || len(reports) != 1 || reports[0].Problems != "资金未到位" || reports[0].NextSteps != "月底前报市政府常务会议审议" {
				t.Fatalf("stored %+v %v", reports, err)
			}

			var buf bytes.Buffer
			if err := w.s.Export(ctx, w.liaison, w.liaisonActor, records.TaskFilter{}, &buf); err != nil {
				t.Fatal(err)
			}
			x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			sheet := x.GetSheetName(0)
			rows, _ := x.GetRows(sheet)
			cols := map[string]int{}
			row := -1
			for r, cells := range rows {
				for c, v := range cells {
					if r == 2 {
						cols[v] = c
					} else if c == cols["任务编号"] && v == strconv.FormatInt(w.task, 10) {
						row = r
					}
				}
			}
			if row < 0 || cols["存在问题"] != cols["进展情况"]+1 || cols["下步计划"] != cols["进展情况"]+2 {
				t.Fatalf("columns %v, task row %d", cols, row)
			}
			if got := rows[row]; got[cols["存在问题"]] != "资金未到位" || got[cols["下步计划"]] != "月底前报市政府常务会议审议" {
				t.Errorf("the task's row %q", got)
			}
			got, err := w.s.ImportProgress(ctx, w.liaison, w.liaisonActor, bytes.NewReader(buf.Bytes()), "台账.xlsx")
			if err != nil || got.Imported != 0 || got.Skipped != 1 {
				t.Errorf("the export sent back unchanged: %+v %v", got, err)
			}
			cell, _ := excelize.CoordinatesToCellName(cols["存在问题"]+1, row+1)
			x.SetCellValue(sheet, cell, "资金已到位一半")
			var out bytes.Buffer
			if err := x.Write(&out); err != nil {
				t.Fatal(err)
			}
			if got, err := w.s.ImportProgress(ctx, w.liaison, w.liaisonActor, &out, "台账.xlsx"); err != nil || got.Imported != 1 {
				t.Fatalf("a changed 存在问题: %+v %v", got, err)
			}
			reports, _ = w.db.FindProgress(ctx, w.task)
			if len(reports) != 2 || reports[0].Text != "已完成调研" || reports[0].Problems != "资金已到位一半" || reports[0].NextSteps != "月底前报市政府常务会议审议" {
				t.Errorf("after the import %+v", reports)
			}
		})
	}
}

// TestLedgerRowNumbering: the exported sheet's 序号 is the plan's own
// numbering, 二（一）1, as the printed ledger is read.
func TestLedgerRowNumbering(t *testing.T) {
	row := ledgerRow(&Task{TaskEntry: TaskEntry{ID: 1, Path: []string{"二", "(一)", "1"}, Title: "加强政治建设"}}, nil, nil)
	if row.Seq != "二（一）1" {
		t.Errorf("序号 %q", row.Seq)
	}
}
