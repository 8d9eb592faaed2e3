package server

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// apiFOIA is what the tests read of a 依申请公开 request.
type apiFOIA struct {
	ID              int64  `json:"id"`
	ApplicantName   string `json:"applicant_name"`
	Phone           string `json:"phone"`
	ApplicantMasked bool   `json:"applicant_masked"`
	ReceivedOn      string `json:"received_on"`
	State           string `json:"state"`
	DueOn           string `json:"due_on"`
	Ground          int    `json:"ground"`
	GroundLabel     string `json:"ground_label"`
	ConcludedOn     string `json:"concluded_on"`
	Clock           *struct {
		Due string   `json:"due"`
		Why []string `json:"why"`
	} `json:"clock"`
	Steps []struct {
		Kind  string `json:"kind"`
		On    string `json:"on"`
		Actor string `json:"actor"`
	} `json:"steps"`
}

// post makes a JSON request as caller and returns the status and body.
func (f *fixture) post(t *testing.T, caller, path, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestFOIAAPI: the office receives a request two days ago, tells the
// applicant to 补正 yesterday; a second 补正 today is refused by the
// statutory clock; the supplement restarts it and the reply concludes
// it. The letter downloads as a Word document for the office only; a
// leader reads the request with the applicant masked, a liaison not at
// all; bad input is refused field by field.
func TestFOIAAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			today := workday.DateOf(time.Now().In(time.FixedZone("CST", 8*3600)))
			dayOf := func(back int) string { return today.AddDate(0, 0, -back).Format(time.DateOnly) }

			req := httptest.NewRequest("POST", "/api/v1/foia/requests", strings.NewReader(fmt.Sprintf(`{"applicant_kind":"person",
				"applicant_name":"张三","id_no":"440101199001011234","phone":"13900001111","channel":"in_person","received_on":%q,
				"content":"本市2025年财政预算执行情况","form":"电子邮件"}`, dayOf(2))))
			req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != http.StatusCreated || rec.Header().Get("Location") == "" {
				t.Fatalf("intake = %d %s (Location %q)", rec.Code, rec.Body, rec.Header().Get("Location"))
			}
			loc := rec.Header().Get("Location")
			var a apiFOIA
			if code := f.do(t, "office", "GET", loc, nil, "", &a); code != 200 {
				t.Fatalf("GET Location = %d", code)
			}
			if a.State != "running" || a.ReceivedOn != dayOf(2) || a.DueOn == "" || a.Clock == nil || a.Clock.Due != a.DueOn ||
				len(a.Clock.Why) == 0 || a.ApplicantName != "张三" || a.ApplicantMasked {
				t.Errorf("received request %+v", a)
			}

			steps := []struct {
				body, state string
				status      int
				want        string // in the answer
			}{
				{`{"kind":"confirm"}`, "", 422, "当面提交"}, // in person: the day of submission, nothing to confirm
				{fmt.Sprintf(`{"kind":"correction","days":10,"on":%q}`, dayOf(1)), "correction", 200, ""},
				{`{"kind":"correction","days":10}`, "", 422, "一次性告知补正"},
				{`{"kind":"extension","days":30,"note":"x"}`, "", 422, `"field":"days"`},
				{`{"kind":"correction","days":"十"}`, "", 400, "days 应为整数"},
				{`{"kind":"supplement","on":"昨天"}`, "", 422, `"field":"on"`},
				{`{"kind":"supplement"}`, "running", 200, ""},
			}
			for _, st := range steps {
				code, body := f.post(t, "office", loc+"/steps", st.body)
				if code != st.status || !strings.Contains(body, st.want) || (st.state != "" && !strings.Contains(body, `"state":"`+st.state+`"`)) {
					t.Errorf("step %s = %d %s; want %d with %q, state %q", st.body, code, body, st.status, st.want, st.state)
				}
			}
			// Filed online three days ago, confirmed with the applicant two
			// days ago: the clock counts from the confirmation.
			code, body := f.post(t, "office", "/api/v1/foia/requests", fmt.Sprintf(`{"applicant_kind":"person","applicant_name":"李四",
				"email":"l@example.cn","channel":"online","received_on":%q,"content":"某文件"}`, dayOf(3)))
			var online apiFOIA
			if err := json.Unmarshal([]byte(body), &online); code != http.StatusCreated || err != nil {
				t.Fatalf("online intake = %d %s", code, body)
			}
			if code, body := f.post(t, "office", fmt.Sprintf("/api/v1/foia/requests/%d/steps", online.ID), fmt.Sprintf(`{"kind":"confirm","on":%q}`, dayOf(2))); code != 200 ||
				!strings.Contains(body, fmt.Sprintf(`"received_on":%q`, dayOf(2))) {
				t.Errorf("confirmed = %d %s", code, body)
			}
			if code, _ := f.post(t, "leader", loc+"/steps", `{"kind":"consult"}`); code != http.StatusForbidden {
				t.Errorf("leader's step = %d", code)
			}
			if code := f.call(t, "office", "GET", loc+"/letter.docx", nil, ""); code != http.StatusConflict {
				t.Errorf("letter before the reply = %d, want 409", code)
			}
			if code, body := f.post(t, "office", loc+"/reply", `{"type":"withheld"}`); code != 422 || !strings.Contains(body, `"field":"ground"`) {
				t.Errorf("reply without a ground = %d %s", code, body)
			}
			if code, body := f.post(t, "office", loc+"/reply", `{"type":"withheld","ground":4}`); code != 200 ||
				!strings.Contains(body, `"state":"replied"`) || !strings.Contains(body, "保护第三方合法权益") {
				t.Errorf("reply = %d %s", code, body)
			}
			if code, body := f.post(t, "office", loc+"/reply", `{"type":"not_held"}`); code != http.StatusConflict || !strings.Contains(body, "已经答复") {
				t.Errorf("second reply = %d %s", code, body)
			}

			req = httptest.NewRequest("GET", loc+"/letter.docx", nil)
			req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			rec = httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != 200 || !strings.Contains(rec.Header().Get("Content-Type"), "wordprocessingml") ||
				!strings.Contains(rec.Header().Get("Content-Disposition"), ".docx") {
				t.Fatalf("letter = %d %v", rec.Code, rec.Header())
			}
			if doc := docxText(t, rec.Body.Bytes()); !strings.Contains(doc, "张三") || !strings.Contains(doc, "不予公开") {
				t.Errorf("the letter does not name the applicant and the reply: %.300s", doc)
			}
			for _, caller := range []string{"leader", "liaisonA"} {
				if code := f.call(t, caller, "GET", loc+"/letter.docx", nil, ""); code != http.StatusForbidden {
					t.Errorf("letter as %s = %d, want 403", caller, code)
				}
			}

			var got apiFOIA
			if code := f.do(t, "leader", "GET", loc, nil, "", &got); code != 200 || !got.ApplicantMasked || got.ApplicantName != "张*" ||
				got.Phone != "139****1111" || got.Ground != 4 || got.ConcludedOn != today.Format(time.DateOnly) || len(got.Steps) != 3 {
				t.Errorf("as leader = %d %+v", code, got)
			}
			for _, caller := range []string{"liaisonA", "sysadmin"} {
				if code := f.call(t, caller, "GET", loc, nil, ""); code != http.StatusForbidden {
					t.Errorf("GET as %s = %d, want 403", caller, code)
				}
			}
			var page struct {
				Items []apiFOIA `json:"items"`
				Total int       `json:"total"`
			}
			if code := f.do(t, "office", "GET", "/api/v1/foia/requests", nil, "", &page); code != 200 || page.Total != 1 || page.Items[0].ID != online.ID {
				t.Errorf("open list = %d %+v", code, page)
			}
			if code := f.do(t, "leader", "GET", "/api/v1/foia/requests?concluded=1", nil, "", &page); code != 200 || page.Total != 1 ||
				page.Items[0].ApplicantName != "张*" || page.Items[0].Clock != nil {
				t.Errorf("concluded list as leader = %d %+v", code, page)
			}
			for _, q := range []string{"?concluded=maybe", "?limit=-1"} {
				if code := f.call(t, "office", "GET", "/api/v1/foia/requests"+q, nil, ""); code != http.StatusBadRequest {
					t.Errorf("list%s = %d, want 400", q, code)
				}
			}

			var annual struct {
				Year    int      `json:"year"`
				Columns []string `json:"columns"`
				Rows    []struct {
					Label  string `json:"label"`
					Counts []int  `json:"counts"`
				} `json:"rows"`
			}
			if code := f.do(t, "leader", "GET", "/api/v1/foia/annual", nil, "", &annual); code != 200 || annual.Year != today.Year() ||
				len(annual.Columns) != 7 || len(annual.Rows) == 0 || len(annual.Rows[0].Counts) != 7 {
				t.Errorf("annual = %d %+v", code, annual)
			}
			for _, q := range []string{"?year=2007", "?year=x", fmt.Sprintf("?year=%d", today.Year()+1)} {
				if code := f.call(t, "office", "GET", "/api/v1/foia/annual"+q, nil, ""); code != http.StatusBadRequest {
					t.Errorf("annual%s = %d, want 400", q, code)
				}
			}

			refused := []struct {
				body   string
				status int
				want   []string
			}{
				{`{"applicant_name":"王五"}`, 422, []string{`"field":"applicant_kind"`, `"field":"phone"`, `"field":"channel"`, `"field":"content"`, "申请人类型："}},
				{`{"applicant_kind":"person","applicant_name":"王五","phone":"1","channel":"fax","content":"x","received_on":"2026/3/5"}`, 422,
					[]string{`"field":"received_on"`, "年-月-日"}},
				{`{"applicant_kind":"person","applicant_name":"王五","phone":"1","channel":"fax","content":"x","received_on":"2999-01-01"}`, 422,
					[]string{`"field":"received_on"`, "不能晚于今天"}},
				{`{"applicant_name":7}`, 400, []string{"applicant_name 应为文本"}},
				{`{"name":"王五"}`, 400, []string{"不认识的字段", "name"}},
				{`[1]`, 400, []string{"JSON 对象"}},
			}
			for _, c := range refused {
				code, body := f.post(t, "office", "/api/v1/foia/requests", c.body)
				if code != c.status {
					t.Errorf("%s = %d, want %d: %s", c.body, code, c.status, body)
				}
				for _, w := range c.want {
					if !strings.Contains(body, w) {
						t.Errorf("%s: %s does not name %q", c.body, body, w)
					}
				}
			}
			if code := f.call(t, "office", "GET", "/api/v1/foia/requests/999999", nil, ""); code != http.StatusNotFound {
				t.Errorf("GET missing = %d", code)
			}
			if code, _ := f.post(t, "office", "/api/v1/foia/requests/999999/steps", `{"kind":"consult"}`); code != http.StatusNotFound {
				t.Errorf("step on missing = %d", code)
			}
		})
	}
}

// TestFOIAAndIncidentsOff: a server without the services answers 404 on
// their endpoints, as the hotline's do.
func TestFOIAAndIncidentsOff(t *testing.T) {
	f := newFixture(t, "sqlite")
	off := *f.services
	off.FOIA, off.Incidents = nil, nil
	f.srv = New(Deps{Store: f.db, Services: &off, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for _, path := range []string{"/api/v1/foia/requests", "/api/v1/foia/annual", "/api/v1/incidents", "/api/v1/incidents/1"} {
		if code := f.call(t, "office", "GET", path, nil, ""); code != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", path, code)
		}
	}
}

// docxText is the text of a Word document's body, its runs joined: a
// title broken into lines (docx.TitleLines) reads as one.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	doc, err := docread.Read("letter.docx", data)
	if err != nil {
		t.Fatalf("not a .docx: %v", err)
	}
	return strings.ReplaceAll(docread.Text(doc), "\n", "")
}
