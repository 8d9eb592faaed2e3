package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

// do makes a request as caller and decodes a JSON answer into out.
func (f *fixture) do(t *testing.T, caller, method, path string, body io.Reader, ct string, out any) int {
	t.Helper()
	req := httptest.NewRequest(method, path, body)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	if out != nil && rec.Code < 300 {
		if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
			t.Fatalf("%s %s: %v: %s", method, path, err, rec.Body.String())
		}
	}
	if rec.Code >= 300 {
		t.Logf("%s %s as %s = %d %s", method, path, caller, rec.Code, rec.Body.String())
	}
	return rec.Code
}

// TestLedgerJourneyAPI: the office uploads seed 003 as a draft, reviews it
// (unknown units flagged with suggestions), corrects a task and confirms;
// the liaison of 市法制办 sees it, reports progress with an attachment and
// applies for 销号; the office closes it; the task's page shows the whole
// history and the attachment downloads only for those who may read it.
func TestLedgerJourneyAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			data, err := os.ReadFile("../../demo/seeds/003_e50bc25d11ad62e1.txt")
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			fw, _ := mw.CreateFormFile("file", "嘉兴方案.txt")
			fw.Write(data)
			mw.Close()
			var rv struct {
				ID         int64  `json:"id"`
				Status     string `json:"status"`
				SourceText string `json:"source_text"`
				Unknown    int    `json:"unknown_units"`
				Tasks      []struct {
					ID          int64  `json:"id"`
					Title       string `json:"title"`
					UnitMatches []struct {
						Name   string `json:"name"`
						UnitID int64  `json:"unit_id"`
					} `json:"unit_matches"`
				} `json:"tasks"`
			}
			if code := f.do(t, "office", "POST", "/api/v1/plans", &buf, mw.FormDataContentType(), &rv); code != http.StatusCreated {
				t.Fatalf("upload = %d", code)
			}
			if rv.Status != "draft" || len(rv.Tasks) != 71 || !strings.Contains(rv.SourceText, "嘉兴市人民政府") || rv.Unknown == 0 {
				t.Fatalf("review: status %s, %d tasks, %d unknown units", rv.Status, len(rv.Tasks), rv.Unknown)
			}
			// Task 8 (完善行政决策机制) names 市法制办, which the registry has.
			var task int64
			for _, tk := range rv.Tasks {
				if tk.Title == "完善行政决策机制" {
					task = tk.ID
					if tk.UnitMatches[0].Name != "市法制办" || tk.UnitMatches[0].UnitID != f.unitA {
						t.Errorf("unit match %+v", tk.UnitMatches)
					}
				}
			}
			if f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d", task), nil, "", nil) != http.StatusNotFound {
				t.Error("a liaison sees a draft task")
			}
			patch := strings.NewReader(`{"goal":"重大决策全部依法履行程序","requirement":"按季度报送进展"}`)
			if code := f.do(t, "office", "PATCH", fmt.Sprintf("/api/v1/tasks/%d", task), patch, "application/json", nil); code != 200 {
				t.Fatalf("correct task = %d", code)
			}
			if code := f.do(t, "office", "POST", fmt.Sprintf("/api/v1/plans/%d/confirm", rv.ID), nil, "", nil); code != 200 {
				t.Fatalf("confirm = %d", code)
			}
			var mine struct {
				Total int `json:"total"`
			}
			f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks?plan=%d", rv.ID), nil, "", &mine)
			if mine.Total == 0 || mine.Total >= 71 {
				t.Errorf("liaison of 市法制办 sees %d of the plan's tasks", mine.Total)
			}
			body, ct := reportUpload(t)
			if code := f.do(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", task), body, ct, nil); code != http.StatusCreated {
				t.Fatalf("report = %d", code)
			}
			if code := f.do(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/close-request", task), strings.NewReader(`{"text":"已全部完成"}`), "application/json", nil); code != http.StatusCreated {
				t.Fatalf("close request = %d", code)
			}
			if code := f.do(t, "office", "POST", fmt.Sprintf("/api/v1/tasks/%d/close", task), nil, "", nil); code != 200 {
				t.Fatalf("close = %d", code)
			}
			var d struct {
				LedgerStatus string `json:"ledger_status"`
				Goal         string `json:"goal"`
				History      []struct {
					Kind string `json:"kind"`
				} `json:"history"`
				Progress []struct {
					Attachments []struct {
						ID int64 `json:"id"`
					} `json:"attachments"`
				} `json:"progress"`
			}
			f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/tasks/%d", task), nil, "", &d)
			if d.LedgerStatus != "closed" || d.Goal == "" || len(d.History) != 4 || len(d.Progress) != 1 || len(d.Progress[0].Attachments) != 1 {
				t.Fatalf("task page: %+v", d)
			}
			att := fmt.Sprintf("/api/v1/attachments/%d", d.Progress[0].Attachments[0].ID)
			for caller, want := range map[string]int{"liaisonA": 200, "office": 200, "liaisonB": 403, "sysadmin": 403} {
				if got := f.do(t, caller, "GET", att, nil, "", nil); got != want {
					t.Errorf("download as %s = %d, want %d", caller, got, want)
				}
			}
			if code := f.do(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", task), strings.NewReader(`{"text":"再报"}`), "application/json", nil); code != http.StatusConflict {
				t.Errorf("report on a closed task = %d, want 409", code)
			}
			var ws struct {
				Counts map[string]int `json:"counts"`
			}
			f.do(t, "liaisonA", "GET", "/api/v1/workspace", nil, "", &ws)
			if ws.Counts["closed"] != 1 {
				t.Errorf("workspace counts %v", ws.Counts)
			}
		})
	}
}

// TestSupervisionThroughAPI: a task's supervision record is read by whoever
// may read the task, and a liaison's answer shows in it.
func TestSupervisionThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			issueNotice(t, f)
			path := fmt.Sprintf("/api/v1/tasks/%d/supervision", f.taskA)
			if code := f.do(t, "liaisonB", "GET", path, nil, "", nil); code != http.StatusForbidden && code != http.StatusNotFound {
				t.Errorf("another unit's liaison reads the record: %d", code)
			}
			answer := strings.NewReader(`{"key":"notice-a","text":"已完成整改"}`)
			if code := f.do(t, "liaisonA", "POST", path+"/answer", answer, "application/json", nil); code != http.StatusOK {
				t.Fatalf("answer = %d", code)
			}
			if code := f.do(t, "liaisonA", "POST", path+"/answer", strings.NewReader(`{"key":"notice-a","text":"再答"}`), "application/json", nil); code != http.StatusConflict {
				t.Errorf("second answer = %d, want 409", code)
			}
			var got struct {
				Items []struct {
					Key, Kind, Label, On, Deadline, Answer string
					Answered                               bool
				} `json:"items"`
			}
			if code := f.do(t, "leader", "GET", path, nil, "", &got); code != http.StatusOK {
				t.Fatalf("read = %d", code)
			}
			if len(got.Items) != 1 {
				t.Fatalf("items %+v", got.Items)
			}
			if it := got.Items[0]; it.Kind != "notice" || it.Label != "蓝色督办单" || it.On != "2026-03-09" || it.Deadline != "2026-03-16" || !it.Answered || it.Answer != "已完成整改" {
				t.Errorf("item %+v", it)
			}
		})
	}
}
