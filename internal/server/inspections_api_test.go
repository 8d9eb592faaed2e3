package server

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

// TestInspectionThroughAPI (issue 15): the office records an inspection
// of this year's plan and a finding for 市法制办 through the API; the
// answer names its task, due on the rectification date and listed by
// GET /api/v1/tasks?source=inspection; 市法制办's liaison reads the task
// and the finding, 市财政局's gets 403 and 404; a failed 复查 without a
// note or a date is 422 naming both fields; a failed one with them moves
// the task's deadline; the 问题清单 filters by state and downloads as a
// workbook.
func TestInspectionThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			addPlanEntry(t, f)
			var in struct {
				ID   int64  `json:"id"`
				Kind string `json:"kind"`
			}
			if code := f.do(t, "office", "POST", "/api/v1/inspections", strings.NewReader(`{"plan_entry_id":1,"title":"执法公示专项督查（第一批）",`+
				`"held_on":"`+inspectionDay(0)+`","inspectors":"督查室","place":"市民服务中心"}`), "application/json", &in); code != 201 || in.Kind != "special" {
				t.Fatalf("POST /api/v1/inspections = %d %+v", code, in)
			}
			type finding struct {
				ID     int64  `json:"id"`
				TaskID int64  `json:"task_id"`
				Due    string `json:"due"`
				Status string `json:"status"`
				Label  string `json:"status_label"`
			}
			var fd finding
			due := inspectionDay(15)
			if code := f.do(t, "office", "POST", fmt.Sprintf("/api/v1/inspections/%d/findings", in.ID), strings.NewReader(fmt.Sprintf(
				`{"description":"公示栏内容过期","unit_id":%d,"due":%q}`, f.unitA, due)), "application/json", &fd); code != 201 {
				t.Fatalf("POST findings = %d", code)
			}
			if fd.TaskID == 0 || fd.Due != due || fd.Status != "rectifying" || fd.Label != "整改中" {
				t.Fatalf("the finding %+v", fd)
			}
			var task struct {
				Due    string `json:"due"`
				Source string `json:"source"`
			}
			if code := f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d", fd.TaskID), nil, "", &task); code != 200 || task.Due != due ||
				task.Source != "inspection" {
				t.Errorf("the task as 市法制办's liaison: %d %+v", code, task)
			}
			var tasks struct {
				Items []struct{ ID int64 } `json:"items"`
			}
			if code := f.do(t, "office", "GET", "/api/v1/tasks?source=inspection", nil, "", &tasks); code != 200 || len(tasks.Items) != 1 ||
				tasks.Items[0].ID != fd.TaskID {
				t.Errorf("GET /api/v1/tasks?source=inspection = %d %+v", code, tasks)
			}
			if code, _ := f.send(t, "liaisonB", "GET", fmt.Sprintf("/api/v1/tasks/%d", fd.TaskID), ""); code != 403 {
				t.Errorf("the task as 市财政局's liaison = %d", code)
			}
			if code, _ := f.send(t, "liaisonB", "GET", fmt.Sprintf("/api/v1/findings/%d", fd.ID), ""); code != 404 {
				t.Errorf("the finding as 市财政局's liaison = %d", code)
			}
			recheck := fmt.Sprintf("/api/v1/findings/%d/recheck", fd.ID)
			code, body := f.send(t, "office", "POST", recheck, `{"passed":false}`)
			if code != 422 || !strings.Contains(body, `"note"`) || !strings.Contains(body, `"new_due"`) {
				t.Errorf("a failed 复查 without note and date = %d %s", code, body)
			}
			later := inspectionDay(40)
			var after finding
			if code := f.do(t, "office", "POST", recheck, strings.NewReader(`{"passed":false,"note":"仍未更新","new_due":"`+later+`"}`),
				"application/json", &after); code != 200 || after.Due != later {
				t.Errorf("a failed 复查 = %d %+v", code, after)
			}
			if code := f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d", fd.TaskID), nil, "", &task); code != 200 || task.Due != later {
				t.Errorf("the task after the failed 复查: %+v", task)
			}
			var list struct {
				Total int `json:"total"`
			}
			for q, want := range map[string]int{"?status=rectifying": 1, "?status=passed": 0, fmt.Sprintf("?unit=%d", f.unitB): 0} {
				if code := f.do(t, "leader", "GET", "/api/v1/findings"+q, nil, "", &list); code != 200 || list.Total != want {
					t.Errorf("GET /api/v1/findings%s = %d, %d findings, want %d", q, code, list.Total, want)
				}
			}
			if code, body := f.send(t, "office", "GET", "/api/v1/findings?status=lost", ""); code != 422 {
				t.Errorf("an unknown state = %d %s", code, body)
			}
			req := httptest.NewRequest("GET", "/api/v1/findings.xlsx", nil)
			req.Header.Set("Authorization", "Bearer "+f.tokens["liaisonA"])
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "spreadsheetml") || !strings.HasPrefix(rec.Body.String(), "PK") {
				t.Errorf("the workbook: %d %s", rec.Code, rec.Header().Get("Content-Type"))
			}
		})
	}
}
