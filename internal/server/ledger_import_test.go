package server

import (
	"bytes"
	"context"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/report"
	"github.com/duban/duban/internal/store/storetest"
)

// sheetWith writes the ledger layout for the given task ids and fills the
// 进展情况 column of each with text.
func sheetWith(t *testing.T, rows map[int64]string) *bytes.Buffer {
	t.Helper()
	var lr []report.LedgerRow
	for id := range rows {
		lr = append(lr, report.LedgerRow{TaskID: id, Title: "任务", Status: "推进中", Light: "green"})
	}
	var buf bytes.Buffer
	if err := report.WriteLedger(&buf, report.LedgerMeta{Title: "执行台账", GeneratedAt: time.Now()}, report.SliceRows(lr)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetName(0)
	all, _ := f.GetRows(sheet)
	for r, row := range all {
		for c, v := range row {
			if v == "进展情况" {
				for rr := r + 1; rr < len(all); rr++ {
					var id int64
					json.Unmarshal([]byte(all[rr][len(all[rr])-1]), &id)
					cell, _ := excelize.CoordinatesToCellName(c+1, rr+1)
					f.SetCellValue(sheet, cell, rows[id])
				}
			}
		}
	}
	out := new(bytes.Buffer)
	if err := f.Write(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func upload(t *testing.T, f *fixture, caller string, sheet *bytes.Buffer) (int, map[string]any) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "台账.xlsx")
	fw.Write(sheet.Bytes())
	mw.Close()
	req := httptest.NewRequest("POST", "/api/v1/ledger/progress", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	var out map[string]any
	json.Unmarshal(rec.Body.Bytes(), &out)
	return rec.Code, out
}

// TestProgressSheetImport: a liaison's sheet of updates is recorded when
// every row is theirs; one row naming another unit's task refuses the
// whole sheet with the row named, and nothing is stored.
func TestProgressSheetImport(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			tasks, _, _ := f.db.FindTasks(context.Background(), records.TaskFilter{})
			taskB := tasks[1].ID
			code, out := upload(t, f, "liaisonA", sheetWith(t, map[int64]string{f.taskA: "已完成调研", taskB: "越权填报"}))
			if code != http.StatusUnprocessableEntity || len(out["rows"].([]any)) != 1 {
				t.Fatalf("mixed sheet = %d %v", code, out)
			}
			if reports, _ := f.db.FindProgress(context.Background(), f.taskA); len(reports) != 0 {
				t.Fatalf("a refused sheet stored %d reports", len(reports))
			}
			code, out = upload(t, f, "liaisonA", sheetWith(t, map[int64]string{f.taskA: "已完成调研"}))
			if code != http.StatusOK || out["imported"].(float64) != 1 {
				t.Fatalf("own sheet = %d %v", code, out)
			}
			code, out = upload(t, f, "liaisonA", sheetWith(t, map[int64]string{f.taskA: "已完成调研"}))
			if code != http.StatusOK || out["skipped"].(float64) != 1 {
				t.Errorf("unchanged sheet = %d %v", code, out)
			}
			if code, _ := upload(t, f, "leader", sheetWith(t, map[int64]string{f.taskA: "x"})); code != http.StatusForbidden {
				t.Errorf("leader import = %d", code)
			}
			// The liaison's export holds their unit's task, with the progress just imported.
			req := httptest.NewRequest("GET", "/api/v1/ledger.xlsx", nil)
			req.Header.Set("Authorization", "Bearer "+f.tokens["liaisonA"])
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			x, err := excelize.OpenReader(rec.Body)
			if rec.Code != 200 || err != nil {
				t.Fatalf("export = %d, %v", rec.Code, err)
			}
			rows, _ := x.GetRows(x.GetSheetName(0))
			found := false
			for _, row := range rows {
				for _, cell := range row {
					if cell == "已完成调研" {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("the export lacks the imported progress: %v", rows)
			}
		})
	}
}
