package server

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/store/storetest"
)

// apiIncident is what the tests read of an incident.
type apiIncident struct {
	ID     int64 `json:"id"`
	UnitID int64 `json:"unit_id"`
	Clocks []struct {
		Kind     string     `json:"kind"`
		DueAt    *time.Time `json:"due_at"`
		DoneAt   *time.Time `json:"done_at"`
		State    string     `json:"state"`
		Evidence string     `json:"evidence"`
		Actor    string     `json:"actor"`
	} `json:"clocks"`
}

// TestIncidentsAPI: the office records a major incident of 市法制办's and
// one of 市财政局's; their clocks run from when they happened. A liaison
// sees only their unit's incident (404 for the other) and records its
// duty; another unit's liaison may not; a second record of a duty and
// bad input are refused field by field.
func TestIncidentsAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			occurred := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
			var a, b apiIncident
			if code := f.do(t, "office", "POST", "/api/v1/incidents", strings.NewReader(fmt.Sprintf(`{"title":"某镇山洪","level":"major",
				"occurred_at":%q,"unit_id":%d,"summary":"道路中断"}`, occurred.Format(time.RFC3339), f.unitA)), "application/json", &a); code != http.StatusCreated {
				t.Fatalf("report = %d", code)
			}
			if a.UnitID != f.unitA || len(a.Clocks) != 2 || a.Clocks[0].DueAt == nil || !a.Clocks[0].DueAt.Equal(occurred.Add(5*time.Hour)) ||
				a.Clocks[0].State != "pending" || a.Clocks[0].DoneAt != nil {
				t.Errorf("reported incident %+v", a)
			}
			if code := f.do(t, "office", "POST", "/api/v1/incidents", strings.NewReader(fmt.Sprintf(`{"title":"某仓库火灾","level":"general",
				"occurred_at":%q,"unit_id":%d}`, occurred.Format(time.RFC3339), f.unitB)), "application/json", &b); code != http.StatusCreated ||
				len(b.Clocks) != 2 || b.Clocks[0].State != "untimed" || b.Clocks[0].DueAt != nil {
				t.Errorf("lesser incident = %d %+v", code, b)
			}

			reads := []struct {
				caller string
				id     int64
				want   int
			}{
				{"office", a.ID, 200}, {"leader", a.ID, 200}, {"liaisonA", a.ID, 200}, {"liaisonB", a.ID, 404}, {"liaisonB", b.ID, 200},
				{"liaisonA", b.ID, 404}, {"sysadmin", a.ID, 403}, {"office", 999999, 404},
			}
			for _, rd := range reads {
				if code := f.call(t, rd.caller, "GET", fmt.Sprintf("/api/v1/incidents/%d", rd.id), nil, ""); code != rd.want {
					t.Errorf("GET incident %d as %s = %d, want %d", rd.id, rd.caller, code, rd.want)
				}
			}
			for caller, want := range map[string]int{"office": 2, "leader": 2, "liaisonA": 1, "liaisonB": 1} {
				var page struct {
					Items []apiIncident `json:"items"`
					Total int           `json:"total"`
				}
				if code := f.do(t, caller, "GET", "/api/v1/incidents", nil, "", &page); code != 200 || page.Total != want || len(page.Items) != want {
					t.Errorf("list as %s = %d, %d items; want %d", caller, code, len(page.Items), want)
				}
			}

			duty := fmt.Sprintf("/api/v1/incidents/%d/duties", a.ID)
			done := time.Now().Add(-time.Hour).Truncate(time.Second)
			body := fmt.Sprintf(`{"kind":"authoritative","done_at":%q,"evidence":"https://www.example.gov.cn/notice/1"}`, done.Format(time.RFC3339))
			for _, caller := range []string{"liaisonB", "leader"} {
				if code, _ := f.post(t, caller, duty, body); code != http.StatusForbidden {
					t.Errorf("duty as %s = %d, want 403", caller, code)
				}
			}
			var got apiIncident
			if code := f.do(t, "liaisonA", "POST", duty, strings.NewReader(body), "application/json", &got); code != 200 {
				t.Fatalf("duty as liaisonA = %d", code)
			}
			if c := got.Clocks[0]; c.State != "on_time" || c.DoneAt == nil || !c.DoneAt.Equal(done) || c.Actor != "liaisonA" ||
				c.Evidence != "https://www.example.gov.cn/notice/1" {
				t.Errorf("recorded duty %+v", c)
			}

			refused := []struct {
				path, body string
				status     int
				want       []string
			}{
				{duty, body, http.StatusConflict, []string{"已登记过", `"field":"kind"`}},
				{duty, `{"kind":"press","evidence":"ftp://x"}`, 422, []string{`"field":"evidence"`}},
				{duty, `{"kind":"press","evidence":"发布会","done_at":"昨天"}`, 422, []string{`"field":"done_at"`, "RFC 3339"}},
				{duty, fmt.Sprintf(`{"kind":"press","evidence":"发布会","done_at":%q}`, occurred.Add(-time.Hour).Format(time.RFC3339)), 422,
					[]string{`"field":"done_at"`, "不能早于"}},
				{duty, `{"kind":"lunch","evidence":"x"}`, 422, []string{`"field":"kind"`}},
				{"/api/v1/incidents/999999/duties", `{"kind":"press","evidence":"x"}`, 404, nil},
				{"/api/v1/incidents", `{"level":"big","occurred_at":"now"}`, 422, []string{`"field":"occurred_at"`}},
				{"/api/v1/incidents", `{"level":"big"}`, 422, []string{`"field":"title"`, `"field":"level"`, `"field":"occurred_at"`, "事件名称：请填写"}},
				{"/api/v1/incidents", fmt.Sprintf(`{"title":"x","level":"major","occurred_at":%q,"unit_id":999}`, occurred.Format(time.RFC3339)), 422,
					[]string{`"field":"unit_id"`}},
				{"/api/v1/incidents", `{"title":"x","unit_id":"市法制办"}`, 400, []string{"unit_id 应为整数"}},
			}
			for _, c := range refused {
				code, resp := f.post(t, "office", c.path, c.body)
				if code != c.status {
					t.Errorf("%s %s = %d, want %d: %s", c.path, c.body, code, c.status, resp)
				}
				for _, w := range c.want {
					if !strings.Contains(resp, w) {
						t.Errorf("%s: %s does not name %q", c.body, resp, w)
					}
				}
			}
		})
	}
}
