package cli

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/store/storetest"
)

// TestProgressSheetImportPage: a liaison uploads the filled-in ledger on
// the task list; a sheet with a bad row is refused whole and the page
// lists the row; a good one is recorded and the list says so.
func TestProgressSheetImportPage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			app, cookies, _ := webFixture(t, kind, []string{"liaisonA", "office"})
			plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{{Path: []string{"1"}, Title: "完善行政决策机制", Units: []string{"市法制办"}}}}
			if _, _, err := app.Store.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("ef", 32), Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
			tasks, _, _ := app.Store.FindTasks(ctx, records.TaskFilter{})
			id := tasks[0].ID
			post := func(progress, percent string) *httptest.ResponseRecorder {
				var sheet bytes.Buffer
				rows := []report.LedgerRow{{TaskID: id, Title: "完善行政决策机制", Status: "未启动", Light: "green"}}
				if err := report.WriteLedger(&sheet, report.LedgerMeta{Title: "执行台账", GeneratedAt: time.Now()}, report.SliceRows(rows)); err != nil {
					t.Fatal(err)
				}
				x, _ := excelize.OpenReader(&sheet)
				name := x.GetSheetName(0)
				all, _ := x.GetRows(name)
				for r, row := range all {
					for c, v := range row {
						switch v {
						case "进展情况":
							cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
							x.SetCellValue(name, cell, progress)
						case "完成比例":
							cell, _ := excelize.CoordinatesToCellName(c+1, r+2)
							x.SetCellValue(name, cell, percent)
						}
					}
				}
				var filled, body bytes.Buffer
				x.Write(&filled)
				mw := multipart.NewWriter(&body)
				fw, _ := mw.CreateFormFile("file", "台账.xlsx")
				fw.Write(filled.Bytes())
				mw.Close()
				req := httptest.NewRequest("POST", "/tasks/import", &body)
				req.Header.Set("Content-Type", mw.FormDataContentType())
				req.AddCookie(&http.Cookie{Name: "duban_session", Value: cookies["liaisonA"]})
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, req)
				return rec
			}
			bad := post("已起草规定", "120%")
			if bad.Code != http.StatusUnprocessableEntity || !strings.Contains(bad.Body.String(), "完成比例") {
				t.Fatalf("bad sheet = %d: %s", bad.Code, bad.Body.String())
			}
			if r, _ := app.Store.FindProgress(ctx, id); len(r) != 0 {
				t.Fatal("a refused sheet stored a report")
			}
			good := post("已起草规定", "40%")
			if good.Code != http.StatusSeeOther {
				t.Fatalf("good sheet = %d: %s", good.Code, good.Body.String())
			}
			r, _ := app.Store.FindProgress(ctx, id)
			if len(r) != 1 || r[0].Percent == nil || *r[0].Percent != 40 {
				t.Fatalf("reports after import: %+v", r)
			}
		})
	}
}
