package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/officetest"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestInstructionThroughAPI (issue 15): the office enters a 领导批示 for
// 市法制办 due "12月20日前" through POST /api/v1/matters; it is due on the
// 20th of December of this year, it is listed by
// GET /api/v1/tasks?source=instruction and not by ?source=plan, it is in
// 市法制办's liaison's task list and its source record reads back; the
// liaison of 市财政局 gets 403 on it and its record, and does not list it.
func TestInstructionThroughAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			var task struct {
				ID     int64    `json:"id"`
				Due    string   `json:"due"`
				Source string   `json:"source"`
				Units  []string `json:"units"`
			}
			body := fmt.Sprintf(`{"kind":"instruction","title":"研究解决行政执法经费缺口","source_text":"请法制办会同财政局研究，12月20日前报结果。",`+
				`"leader":"张市长","report_back":true,"units":[{"unit_id":%d}],"deadline":"12月20日前","requirement":"形成书面报告"}`, f.unitA)
			if code := f.do(t, "office", "POST", "/api/v1/matters", strings.NewReader(body), "application/json", &task); code != 201 {
				t.Fatalf("POST /api/v1/matters = %d", code)
			}
			year := time.Now().In(workday.Zone).Year()
			if task.Due != fmt.Sprintf("%d-12-20", year) || task.Source != "instruction" || len(task.Units) != 1 || task.Units[0] != "市法制办" {
				t.Fatalf("the 批示's task: %+v", task)
			}
			type page struct {
				Items []struct {
					ID     int64  `json:"id"`
					Source string `json:"source"`
				} `json:"items"`
			}
			lists := func(caller, query string) bool {
				var p page
				if code := f.do(t, caller, "GET", "/api/v1/tasks"+query, nil, "", &p); code != 200 {
					t.Fatalf("GET /api/v1/tasks%s as %s = %d", query, caller, code)
				}
				for _, it := range p.Items {
					if it.ID == task.ID {
						return true
					}
				}
				return false
			}
			if !lists("office", "?source=instruction") || lists("office", "?source=plan") || lists("office", "?source=meeting") {
				t.Error("the source filter does not select the 批示 alone")
			}
			if !lists("liaisonA", "") || !lists("liaisonA", "?source=instruction") {
				t.Error("the 批示 is not in 市法制办's liaison's list")
			}
			if lists("liaisonB", "") || lists("liaisonB", "?source=instruction") {
				t.Error("the 批示 is in 市财政局's liaison's list")
			}
			for _, path := range []string{"/api/v1/tasks/%d", "/api/v1/tasks/%d/matter"} {
				p := fmt.Sprintf(path, task.ID)
				if code := f.call(t, "liaisonB", "GET", p, nil, ""); code != 403 {
					t.Errorf("GET %s as another unit's liaison = %d, want 403", p, code)
				}
				if code := f.call(t, "liaisonA", "GET", p, nil, ""); code != 200 {
					t.Errorf("GET %s as its unit's liaison = %d", p, code)
				}
			}
			var m struct {
				Leader     string `json:"leader"`
				SourceText string `json:"source_text"`
				ReportBack bool   `json:"report_back"`
				KindName   string `json:"kind_name"`
			}
			if code := f.do(t, "liaisonA", "GET", fmt.Sprintf("/api/v1/tasks/%d/matter", task.ID), nil, "", &m); code != 200 ||
				m.Leader != "张市长" || !m.ReportBack || m.KindName != "领导批示" || !strings.Contains(m.SourceText, "12月20日前") {
				t.Errorf("its record: %d %+v", code, m)
			}
			// The 办理结果 report: the office's, in 公文 layout, with the 批示
			// and the unit's progress; audited.
			if code := f.do(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", task.ID),
				strings.NewReader(`{"text":"已落实专项经费80万元","percent":60}`), "application/json", nil); code >= 300 {
				t.Fatalf("progress = %d", code)
			}
			report := fmt.Sprintf("/api/v1/tasks/%d/matter/report.docx", task.ID)
			if code := f.call(t, "liaisonA", "GET", report, nil, ""); code != 403 {
				t.Errorf("the report as the unit = %d, want 403", code)
			}
			req := httptest.NewRequest("GET", report, nil)
			req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != 200 {
				t.Fatalf("the report = %d %s", rec.Code, rec.Body.String())
			}
			officetest.CheckDocx(t, "办理结果报告.docx", rec.Body.Bytes())
			doc := docxText(t, rec.Body.Bytes())
			for _, want := range []string{"关于研究解决行政执法经费缺口办理情况的报告", "张市长：", "请法制办会同财政局研究，12月20日前报结果。",
				"市法制办报告：已落实专项经费80万元（完成60%）。", "交市法制办办理", "正在办理"} {
				if !strings.Contains(doc, want) {
					t.Errorf("the report lacks %q: %s", want, doc)
				}
			}
			if entries, _, _ := f.db.FindAudit(context.Background(), records.AuditFilter{Limit: 1}); len(entries) == 0 || entries[0].Action != "matter.report.download" {
				t.Errorf("the download is not audited: %+v", entries)
			}
			if code := f.call(t, "office", "GET", "/api/v1/tasks?source=letters", nil, ""); code != 400 {
				t.Errorf("an unknown source = %d, want 400", code)
			}
			if code, body := f.send(t, "office", "POST", "/api/v1/matters", `{"kind":"instruction","title":"无单位","source_text":"阅","deadline":"下周"}`); code != 422 ||
				!strings.Contains(body, "units") || !strings.Contains(body, "deadline") {
				t.Errorf("a 批示 with no unit and an unreadable deadline = %d %s", code, body)
			}
		})
	}
}
