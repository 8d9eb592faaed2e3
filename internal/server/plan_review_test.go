package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/store/storetest"
)

// send makes a JSON request as caller and returns the status and body.
func (f *fixture) send(t *testing.T, caller, method, path, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// uploadPlan posts a document as the plan file and returns the status
// and body.
func (f *fixture) uploadPlan(t *testing.T, caller, name string, data []byte) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", "/api/v1/plans", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

type reviewBody struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	Status     string `json:"status"`
	NoUnit     int    `json:"tasks_without_unit"`
	NoDeadline int    `json:"tasks_without_deadline"`
	Warnings   []struct {
		Kind string   `json:"kind"`
		Path []string `json:"path"`
	} `json:"warnings"`
	Tasks []struct {
		ID    int64    `json:"id"`
		Path  []string `json:"path"`
		Title string   `json:"title"`
	} `json:"tasks"`
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return v
}

// TestPlanReviewAPI: through the API as the office, a draft's title is
// set, a task added, split, merged, moved and deleted, the review's
// warnings and counts follow; confirming names the tasks without units
// until forced; a confirmed plan cannot be deleted (409) nor edited; a
// draft is discarded. A liaison gets 403 on each.
func TestPlanReviewAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			data, err := os.ReadFile("../../demo/seeds/004_0b88acb7f72e79cc.txt")
			if err != nil {
				t.Fatal(err)
			}
			code, body := f.uploadPlan(t, "office", "温州政务公开.txt", data)
			if code != http.StatusCreated {
				t.Fatalf("upload = %d %s", code, body)
			}
			rv := decode[reviewBody](t, body)
			plan := fmt.Sprintf("/api/v1/plans/%d", rv.ID)
			if rv.Warnings == nil || rv.Status != "draft" || len(rv.Tasks) < 10 {
				t.Fatalf("review: %d tasks, warnings %v", len(rv.Tasks), rv.Warnings)
			}
			first, second := rv.Tasks[0].ID, rv.Tasks[1].ID

			// A liaison may do none of it.
			for _, c := range []struct{ method, path, body string }{
				{"PATCH", plan, `{"title":"改"}`},
				{"POST", plan + "/tasks", `{"title":"新"}`},
				{"DELETE", fmt.Sprintf("%s/tasks/%d", plan, first), ``},
				{"POST", fmt.Sprintf("%s/tasks/%d/split", plan, first), `{"at":1}`},
				{"POST", fmt.Sprintf("%s/tasks/%d/merge", plan, first), fmt.Sprintf(`{"with":%d}`, second)},
				{"POST", fmt.Sprintf("%s/tasks/%d/move", plan, first), `{"after":0}`},
				{"POST", plan + "/confirm", `{"force":true}`},
				{"DELETE", plan, ``},
				{"GET", plan + "/review", ``},
			} {
				if code, body := f.send(t, "liaisonA", c.method, c.path, c.body); code != http.StatusForbidden {
					t.Errorf("%s %s as a liaison = %d %s", c.method, c.path, code, body)
				}
			}

			// The title is set.
			if code, body := f.send(t, "office", "PATCH", plan, `{"title":"温州市深化政务公开工作实施方案（修订）","doc_number":"温政办〔2017〕62号","issued_on":"2017-06-08","year":2017}`); code != http.StatusOK ||
				!strings.Contains(body, "（修订）") {
				t.Errorf("PATCH plan = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "PATCH", plan, `{"title":"  "}`); code != http.StatusUnprocessableEntity ||
				!strings.Contains(body, `"field":"title"`) || !strings.Contains(body, i18n.Lookup(i18n.ZhCN, "error.required")) {
				t.Errorf("a blank title = %d %s", code, body)
			}

			// The page's length limits hold here too, all problems at once
			// and the message ending in one mark.
			long := strings.Repeat("长", 5000)
			code, body = f.send(t, "office", "PATCH", plan, fmt.Sprintf(`{"title":%q,"doc_number":%q,"year":26}`, long, long))
			if code != http.StatusUnprocessableEntity || !strings.Contains(body, `"field":"title"`) || !strings.Contains(body, `"field":"doc_number"`) ||
				!strings.Contains(body, i18n.Lookup(i18n.ZhCN, "error.title_too_long")) || strings.Contains(body, "。；") {
				t.Errorf("a 5,000-character title and 文号 = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "POST", plan+"/tasks", fmt.Sprintf(`{"title":%q}`, long)); code != http.StatusUnprocessableEntity ||
				!strings.Contains(body, i18n.Lookup(i18n.ZhCN, "error.too_long")) {
				t.Errorf("a task with a 5,000-character title = %d %s", code, body)
			}

			// A task without a unit is added after the first, and comes
			// back with its id; the review counts it.
			code, body = f.send(t, "office", "POST", plan+"/tasks", fmt.Sprintf(`{"after":%d,"title":"建立政务公开台账","text":"建立台账。按月通报进展。","deadlines":[{"text":"按月","every":"month"}]}`, first))
			if code != http.StatusCreated {
				t.Fatalf("POST task = %d %s", code, body)
			}
			added := decode[struct {
				ID   int64    `json:"id"`
				Path []string `json:"path"`
			}](t, body)
			if added.ID == 0 || len(added.Path) == 0 {
				t.Errorf("added task %s", body)
			}
			_, body = f.send(t, "office", "GET", plan+"/review", "")
			after := decode[reviewBody](t, body)
			if after.Tasks[1].ID != added.ID || after.Title != "温州市深化政务公开工作实施方案（修订）" || after.NoUnit != rv.NoUnit+1 {
				t.Errorf("review after add: second task %d, title %q, %d without unit (was %d)", after.Tasks[1].ID, after.Title, after.NoUnit, rv.NoUnit)
			}
			noUnit := false
			for _, w := range after.Warnings {
				noUnit = noUnit || (w.Kind == "no_unit" && strings.Join(w.Path, "/") == strings.Join(added.Path, "/"))
			}
			if !noUnit {
				t.Errorf("no no_unit warning for the added task: %+v", after.Warnings)
			}

			// Split it, merge the halves back, move it first.
			code, body = f.send(t, "office", "POST", fmt.Sprintf("%s/tasks/%d/split", plan, added.ID), `{"at":1}`)
			if code != http.StatusCreated || !strings.Contains(body, "按月通报进展") {
				t.Fatalf("split = %d %s", code, body)
			}
			half := decode[struct {
				ID int64 `json:"id"`
			}](t, body)
			if code, body := f.send(t, "office", "POST", fmt.Sprintf("%s/tasks/%d/split", plan, added.ID), `{"at":5}`); code != http.StatusUnprocessableEntity || !strings.Contains(body, `"field":"at"`) {
				t.Errorf("split past the end = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "POST", fmt.Sprintf("%s/tasks/%d/merge", plan, added.ID), fmt.Sprintf(`{"with":%d}`, half.ID)); code != http.StatusOK ||
				!strings.Contains(body, "建立台账。按月通报进展。") {
				t.Errorf("merge = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "POST", fmt.Sprintf("%s/tasks/%d/move", plan, added.ID), `{"after":0,"path":["一","(零)"]}`); code != http.StatusOK {
				t.Errorf("move = %d %s", code, body)
			}
			_, body = f.send(t, "office", "GET", plan+"/review", "")
			if moved := decode[reviewBody](t, body); moved.Tasks[0].ID != added.ID || len(moved.Tasks) != len(rv.Tasks)+1 {
				t.Errorf("after move: first %d, %d tasks", moved.Tasks[0].ID, len(moved.Tasks))
			}

			// Confirming names the task without a unit until forced.
			code, body = f.send(t, "office", "POST", plan+"/confirm", ``)
			if code != http.StatusConflict || !strings.Contains(body, `"unitless"`) || !strings.Contains(body, "建立政务公开台账") {
				t.Errorf("confirm with a task without unit = %d %s", code, body)
			}
			// The task is deleted after all; another added, then forced.
			if code, body := f.send(t, "office", "DELETE", fmt.Sprintf("%s/tasks/%d", plan, added.ID), ``); code != http.StatusNoContent {
				t.Errorf("DELETE task = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "GET", fmt.Sprintf("/api/v1/tasks/%d", added.ID), ``); code != http.StatusNotFound {
				t.Errorf("deleted task = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "POST", plan+"/tasks", `{"title":"无单位任务"}`); code != http.StatusCreated {
				t.Fatalf("POST task = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "POST", plan+"/confirm", `{"force":true}`); code != http.StatusOK || !strings.Contains(body, `"confirmed"`) {
				t.Fatalf("forced confirm = %d %s", code, body)
			}

			// A confirmed plan is neither deleted nor restructured; its
			// tasks' assignments still change.
			if code, body := f.send(t, "office", "DELETE", plan, ``); code != http.StatusConflict || !strings.Contains(body, i18n.Lookup(i18n.ZhCN, "plans.error.discard_confirmed")) {
				t.Errorf("DELETE a confirmed plan = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "POST", plan+"/tasks", `{"title":"迟到的任务"}`); code != http.StatusConflict {
				t.Errorf("add to a confirmed plan = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "PATCH", fmt.Sprintf("/api/v1/tasks/%d", first), `{"units":[{"name":"市法制办","unit_id":`+fmt.Sprint(f.unitA)+`}]}`); code != http.StatusOK {
				t.Errorf("reassign after 挂号 = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "PATCH", fmt.Sprintf("/api/v1/tasks/%d", first), `{"title":""}`); code != http.StatusUnprocessableEntity {
				t.Errorf("blank title through PATCH /tasks = %d %s", code, body)
			}
			if code, body := f.send(t, "office", "PATCH", fmt.Sprintf("/api/v1/tasks/%d", first), `{"units":[{"name":"x","unit_id":9999}]}`); code != http.StatusUnprocessableEntity || !strings.Contains(body, `"field":"units"`) {
				t.Errorf("a unit not in the registry through PATCH /tasks = %d %s", code, body)
			}

			// A draft is discarded, and is gone.
			code, body = f.uploadPlan(t, "office", "另一份.txt", []byte("某方案\n\n一、建立台账。(责任单位:市法制办)\n"))
			if code != http.StatusCreated {
				t.Fatalf("upload = %d %s", code, body)
			}
			other := fmt.Sprintf("/api/v1/plans/%d", decode[reviewBody](t, body).ID)
			if code, body := f.send(t, "office", "DELETE", other, ``); code != http.StatusNoContent {
				t.Errorf("discard a draft = %d %s", code, body)
			}
			if code, _ := f.send(t, "office", "GET", other, ``); code != http.StatusNotFound {
				t.Errorf("discarded draft = %d", code)
			}
		})
	}
}

// TestPlanImportChecksAPI: the API refuses what the upload page refuses,
// in the same words: a kind of file duban does not read, and a document
// that gives no task.
func TestPlanImportChecksAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			for _, c := range []struct {
				name, data, key string
			}{
				{"扫描件.pdf", "%PDF-1.7\n", "plans.error.type"},
				{"方案.doc", "某方案\n\n一、建立台账。\n", "plans.error.type"},
				{"会议通知.txt", "关于召开会议的通知\n\n请各单位准时参加。\n", "error.plan_no_tasks"},
			} {
				code, body := f.uploadPlan(t, "office", c.name, []byte(c.data))
				if code != http.StatusUnprocessableEntity || !strings.Contains(body, `"field":"file"`) ||
					!strings.Contains(body, i18n.Lookup(i18n.ZhCN, c.key)) {
					t.Errorf("%s = %d %s", c.name, code, body)
				}
			}
			if plans, err := f.db.FindPlans(t.Context()); err != nil || len(plans) != 1 {
				t.Errorf("plans stored: %d, %v; want only the fixture's", len(plans), err)
			}
			code, body := f.uploadPlan(t, "liaisonA", "方案.txt", []byte("某方案\n\n一、建立台账。\n"))
			if code != http.StatusForbidden {
				t.Errorf("a liaison uploads = %d %s", code, body)
			}
		})
	}
}
