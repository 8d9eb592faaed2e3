package server

import (
	"bytes"
	"context"
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
					Problems    string `json:"problems"`
					NextSteps   string `json:"next_steps"`
					Attachments []struct {
						ID int64 `json:"id"`
					} `json:"attachments"`
				} `json:"progress"`
			}
			f.do(t, "leader", "GET", fmt.Sprintf("/api/v1/tasks/%d", task), nil, "", &d)
			if d.LedgerStatus != "closed" || d.Goal == "" || len(d.History) != 4 || len(d.Progress) != 1 || len(d.Progress[0].Attachments) != 1 ||
				d.Progress[0].Problems != "个别佐证材料待补" || d.Progress[0].NextSteps != "申请销号" {
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

// problemsOf reads a 422's problems as field → message.
func problemsOf(t *testing.T, body []byte) map[string]string {
	t.Helper()
	var got struct {
		Problems []struct{ Field, Message string } `json:"problems"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	out := map[string]string{}
	for _, p := range got.Problems {
		out[p.Field] = p.Message
	}
	return out
}

// sendIn makes a JSON request as caller in lang and returns the status
// and the body.
func (f *fixture) sendIn(t *testing.T, caller, method, path, body, lang string) (int, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// TestTaskUpdateRules: the API's task update refuses what the page's
// does, at the field, in the caller's language: a blank title, a unit
// chosen by an id the registry lacks, and a unit named by a name it does
// not know; a registered name is linked to its unit.
func TestTaskUpdateRules(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			path := fmt.Sprintf("/api/v1/tasks/%d", f.taskA)
			for _, c := range []struct {
				name, body, field, lang, want string
			}{
				{"blank title", `{"title":"  "}`, "title", "", "必填"},
				{"unknown unit id", `{"units":[{"name":"市法制办","unit_id":4242}]}`, "units", "", "所选单位不存在"},
				{"unregistered name", `{"units":[{"name":"市未登记局","lead":true}]}`, "units", "", "不在单位名录中"},
				{"unregistered name, zh-TW", `{"units":[{"name":"市未登记局","lead":true}]}`, "units", "zh-TW", "不在單位名錄中"},
			} {
				code, body := f.sendIn(t, "office", "PATCH", path, c.body, c.lang)
				if code != http.StatusUnprocessableEntity {
					t.Errorf("%s: %d %s, want 422", c.name, code, body)
					continue
				}
				if msg := problemsOf(t, body)[c.field]; !strings.Contains(msg, c.want) {
					t.Errorf("%s: %s says %q, want %q", c.name, c.field, msg, c.want)
				}
			}
			task, err := f.db.FindTaskByID(context.Background(), f.taskA)
			if err != nil || task.Title != "甲任务" || fmt.Sprint(task.UnitIDs) != fmt.Sprint([]int64{f.unitA}) {
				t.Errorf("refused updates changed the task: %+v, %v", task, err)
			}
			var got struct {
				Units   []string `json:"units"`
				UnitIDs []int64  `json:"unit_ids"`
			}
			code, body := f.sendIn(t, "office", "PATCH", path, `{"title":"甲任务（修订）","units":[{"name":"市法制办","lead":true},{"name":"市财政局"}]}`, "")
			if code != http.StatusOK || json.Unmarshal(body, &got) != nil || fmt.Sprint(got.UnitIDs) != fmt.Sprint([]int64{f.unitA, f.unitB}) {
				t.Errorf("registered names: %d %s, want both units linked", code, body)
			}
			if code, _ := f.sendIn(t, "liaisonA", "PATCH", path, `{"title":"x"}`, ""); code != http.StatusForbidden {
				t.Errorf("a liaison updates a task: %d", code)
			}
		})
	}
}

// TestLedgerStepsThroughAPI: the ledger's rules hold through the API as
// on the pages: a report's text at most 5,000 characters, its percent
// and targets checked at their fields, refused files named in the
// catalogue's words, and a draft task no unit's to report on or read.
func TestLedgerStepsThroughAPI(t *testing.T) {
	f := newFixture(t, "sqlite")
	importDraft(t, f)
	report := fmt.Sprintf("/api/v1/tasks/%d/progress", f.taskA)
	long := strings.Repeat("进", 5001)
	for _, c := range []struct {
		name, path, body, field, want string
	}{
		{"long report", report, `{"text":"` + long + `"}`, "text", "内容过长"},
		{"percent", report, `{"text":"进展","percent":120}`, "percent", "0 到 100"},
		{"targets", report, `{"text":"进展","targets":{"x":1}}`, "targets", "有误"},
		{"long 销号 text", fmt.Sprintf("/api/v1/tasks/%d/close-request", f.taskA), `{"text":"` + long + `"}`, "text", "内容过长"},
		{"long answer", fmt.Sprintf("/api/v1/tasks/%d/supervision/answer", f.taskA), `{"key":"k","text":"` + long + `"}`, "text", "内容过长"},
	} {
		code, body := f.sendIn(t, "liaisonA", "POST", c.path, c.body, "")
		if code != http.StatusUnprocessableEntity || !strings.Contains(problemsOf(t, body)[c.field], c.want) {
			t.Errorf("%s: %d %s, want 422 at %s saying %q", c.name, code, body, c.field, c.want)
		}
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("text", "附材料")
	fw, _ := mw.CreateFormFile("attachments", "程序.exe")
	fw.Write([]byte("MZ\x90\x00"))
	mw.Close()
	req := httptest.NewRequest("POST", report, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+f.tokens["liaisonA"])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(problemsOf(t, rec.Body.Bytes())["files"], "附件类型不允许") {
		t.Errorf("an .exe attached: %d %s", rec.Code, rec.Body.String())
	}
	draft := f.draftTasks[0] // 市法制办's, under review
	if code, body := f.sendIn(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", draft), `{"text":"进展"}`, ""); code != http.StatusNotFound {
		t.Errorf("report on a draft: %d %s, want 404", code, body)
	}
	if code, body := f.sendIn(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d/supervision", draft), "", ""); code != http.StatusNotFound {
		t.Errorf("a draft's supervision record: %d %s, want 404", code, body)
	}
	if code, _ := f.sendIn(t, "liaisonA", "POST", report, `{"text":"`+long[:5000*3]+`"}`, ""); code != http.StatusCreated {
		t.Errorf("a report of 5,000 characters: %d", code)
	}
}
