package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// apiTicket is what the tests read of a ticket.
type apiTicket struct {
	ID           int64     `json:"id"`
	State        string    `json:"state"`
	UnitID       int64     `json:"unit_id"`
	CallerName   string    `json:"caller_name"`
	CallerPhone  string    `json:"caller_phone"`
	CallerMasked bool      `json:"caller_masked"`
	DueAt        time.Time `json:"due_at"`
	Lat          *float64  `json:"lat"`
	Events       []struct {
		Kind  string `json:"kind"`
		Actor string `json:"actor"`
	} `json:"events"`
}

// TestTicketsAPI: the office takes a request for 市法制办's matter in (it
// goes straight there, due by the time limit) and one of no category (to
// triage); bad requests are refused field by field; the list filters and
// pages; leaders and liaisons see the caller masked, a liaison only their
// unit's tickets.
func TestTicketsAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			if err := f.db.SaveTicketService(context.Background(), audit.System, records.TicketService{Code: "fz-zf", Name: "行政执法",
				Path: "法治政府/行政执法", Type: "complaint", UnitID: f.unitA, Active: true}); err != nil {
				t.Fatal(err)
			}
			var a apiTicket
			req := httptest.NewRequest("POST", "/api/v1/tickets", strings.NewReader(`{"service_code":"fz-zf","description":"执法人员态度粗暴",
				"address":"人民路1号","lat":22.83,"lon":113.25,"caller_name":"张三","caller_phone":"13900001111","urgency":"normal"}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != http.StatusCreated || rec.Header().Get("Location") == "" {
				t.Fatalf("intake = %d %s (Location %q)", rec.Code, rec.Body, rec.Header().Get("Location"))
			}
			if code := f.do(t, "office", "GET", rec.Header().Get("Location"), nil, "", &a); code != 200 {
				t.Fatalf("GET Location = %d", code)
			}
			if a.State != "assigned" || a.UnitID != f.unitA || a.DueAt.Before(time.Now().Add(24*time.Hour)) || a.CallerName != "张三" ||
				a.CallerMasked || a.Lat == nil || len(a.Events) != 1 || a.Events[0].Kind != "received" || a.Events[0].Actor != "office" {
				t.Errorf("routed ticket %+v", a)
			}
			if last, _, _ := f.db.FindAudit(context.Background(), records.AuditFilter{Action: "ticket.", Limit: 1}); len(last) == 0 || last[0].Action != "ticket.create" {
				t.Errorf("audit %+v", last)
			}
			// The office read the caller unmasked: that look is recorded.
			if seen, _, _ := f.db.FindAudit(context.Background(), records.AuditFilter{Action: "pii.view"}); len(seen) != 1 ||
				seen[0].Actor != "office" || seen[0].ObjectType != "ticket" || seen[0].ObjectID != strconv.FormatInt(a.ID, 10) {
				t.Errorf("pii.view %+v", seen)
			}
			var b apiTicket
			if code := f.do(t, "office", "POST", "/api/v1/tickets", strings.NewReader(`{"description":"路灯不亮","caller_email":"li@example.cn","channel":"wechat"}`),
				"application/json", &b); code != http.StatusCreated || b.State != "triage" || b.UnitID != 0 {
				t.Errorf("triage intake = %d %+v", code, b)
			}

			refused := []struct {
				body   string
				status int
				want   []string // in the message
			}{
				{`{"urgency":"now","lat":22.8}`, 422, []string{`"field":"description"`, `"field":"caller_phone"`, `"field":"urgency"`, `"field":"lat"`,
					"请描述所反映的问题", "紧急程度“now”"}},
				{`{"description":"x","caller_phone":"1","service_code":"nope"}`, 422, []string{"事项类别", "nope"}},
				{`{"description":"x","caller_phone":"1","channel":"open311"}`, 422, []string{"受理渠道"}},
				{`{"description":"x","caller_phone":"1","lat":"北纬"}`, 400, []string{"lat 应为数字"}},
				{`{"description":"x","caller_phone":"1","caller":"张三"}`, 400, []string{"不认识的字段", "caller"}},
				{`[1]`, 400, []string{"caller_name"}[:0]},
			}
			for _, c := range refused {
				req := httptest.NewRequest("POST", "/api/v1/tickets", strings.NewReader(c.body))
				req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
				req.Header.Set("Accept-Language", "zh-CN")
				rec := httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
				if rec.Code != c.status {
					t.Errorf("%s = %d, want %d: %s", c.body, rec.Code, c.status, rec.Body)
				}
				for _, w := range c.want {
					if !strings.Contains(rec.Body.String(), w) {
						t.Errorf("%s: %s does not name %q", c.body, rec.Body, w)
					}
				}
				if c.status == 422 && !strings.Contains(rec.Body.String(), `"field":"`) {
					t.Errorf("%s: no field in %s", c.body, rec.Body)
				}
			}

			// The refusal is worded in the caller's language.
			tw := httptest.NewRequest("POST", "/api/v1/tickets", strings.NewReader(`{"caller_phone":"1"}`))
			tw.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			tw.Header.Set("Accept-Language", "zh-TW")
			twRec := httptest.NewRecorder()
			f.srv.ServeHTTP(twRec, tw)
			if twRec.Code != 422 || !strings.Contains(twRec.Body.String(), "請描述所反映的問題") {
				t.Errorf("in zh-TW = %d %s", twRec.Code, twRec.Body)
			}

			var page struct {
				Items []apiTicket `json:"items"`
				Total int         `json:"total"`
			}
			lists := []struct {
				caller, query string
				total, items  int
			}{
				{"office", "", 2, 2},
				{"office", "?state=triage", 1, 1},
				{"office", fmt.Sprintf("?unit=%d", f.unitA), 1, 1},
				{"office", "?limit=1", 2, 1},
				{"office", "?limit=1&offset=1", 2, 1},
				{"office", "?offset=2", 2, 0},
				{"leader", "", 2, 2},
				{"liaisonA", "", 1, 1},
				{"liaisonA", "?state=triage", 0, 0},
				{"liaisonB", "", 0, 0},
			}
			for _, l := range lists {
				page.Items = nil
				if code := f.do(t, l.caller, "GET", "/api/v1/tickets"+l.query, nil, "", &page); code != 200 || page.Total != l.total || len(page.Items) != l.items {
					t.Errorf("list%s as %s = %d, %d of %d; want %d of %d", l.query, l.caller, code, len(page.Items), page.Total, l.items, l.total)
				}
				for _, it := range page.Items {
					masked := l.caller != "office"
					if it.CallerMasked != masked || (it.ID == a.ID && masked != (it.CallerName == "张*" && it.CallerPhone == "139****1111")) {
						t.Errorf("list as %s shows caller %q %q (masked %v)", l.caller, it.CallerName, it.CallerPhone, it.CallerMasked)
					}
				}
			}
			for _, q := range []string{"?state=lost", "?unit=x", "?limit=-1"} {
				if code := f.do(t, "office", "GET", "/api/v1/tickets"+q, nil, "", nil); code != http.StatusBadRequest {
					t.Errorf("list%s = %d, want 400", q, code)
				}
			}

			reads := []struct {
				caller string
				id     int64
				want   int
			}{
				{"leader", a.ID, 200}, {"liaisonA", a.ID, 200}, {"liaisonB", a.ID, 404}, {"liaisonA", b.ID, 404},
				{"sysadmin", a.ID, 403}, {"office", 999999, 404},
			}
			for _, rd := range reads {
				var got apiTicket
				code := f.do(t, rd.caller, "GET", fmt.Sprintf("/api/v1/tickets/%d", rd.id), nil, "", &got)
				if code != rd.want {
					t.Errorf("GET ticket %d as %s = %d, want %d", rd.id, rd.caller, code, rd.want)
				}
				if code == 200 && (got.CallerName != "张*" || got.CallerPhone != "139****1111" || len(got.Events) == 0) {
					t.Errorf("ticket as %s: %+v", rd.caller, got)
				}
			}
		})
	}
}

// TestPersonalDataOverAPI: who sees a 12345 caller and an 依申请公开
// applicant unmasked, read through the API, one role at a time, in the
// list and alone: the office alone (authz.SeesPersonalData); a leader and
// the liaison of the ticket's unit see them masked; another unit's
// liaison and the administrators see nothing. The pages' side of the
// same matrix is webdeps' TestPersonalDataOnPages.
func TestPersonalDataOverAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			if err := f.db.SaveTicketService(context.Background(), audit.System, records.TicketService{Code: "fz-zf", Name: "行政执法",
				Path: "法治政府/行政执法", Type: "complaint", UnitID: f.unitA, Active: true}); err != nil {
				t.Fatal(err)
			}
			var tk apiTicket
			if code := f.do(t, "office", "POST", "/api/v1/tickets", strings.NewReader(`{"service_code":"fz-zf","description":"执法态度粗暴",
				"caller_name":"张三","caller_phone":"13900001111","caller_email":"zhang@example.cn"}`), "application/json", &tk); code != http.StatusCreated {
				t.Fatalf("intake = %d", code)
			}
			receiveFOIA(t, f) // 李四, 13900002222
			const (
				shown  = "shown"  // 200, unmasked
				masked = "masked" // 200, masked
			)
			type want struct{ ticket, request any } // shown, masked or a status
			matrix := map[string]want{
				"office":     {shown, shown},
				"leader":     {masked, masked},
				"liaisonA":   {masked, http.StatusForbidden},
				"liaisonB":   {http.StatusNotFound, http.StatusForbidden},
				"sysadmin":   {http.StatusForbidden, http.StatusForbidden},
				"secadmin":   {http.StatusForbidden, http.StatusForbidden},
				"auditadmin": {http.StatusForbidden, http.StatusForbidden},
			}
			check := func(caller, path string, w any, personal ...string) {
				t.Helper()
				req := httptest.NewRequest("GET", path, nil)
				req.Header.Set("Authorization", "Bearer "+f.tokens[caller])
				rec := httptest.NewRecorder()
				f.srv.ServeHTTP(rec, req)
				body := rec.Body.String()
				status, isStatus := w.(int)
				switch {
				case isStatus && strings.HasSuffix(path, "s"): // a list: an empty one, or refused
					if rec.Code != status && !(rec.Code == 200 && status == http.StatusNotFound && !strings.Contains(body, personal[1])) {
						t.Errorf("%s %s = %d, want %d or no one's data", caller, path, rec.Code, status)
					}
				case isStatus:
					if rec.Code != status {
						t.Errorf("%s %s = %d, want %d", caller, path, rec.Code, status)
					}
				case rec.Code != 200:
					t.Errorf("%s %s = %d, want 200", caller, path, rec.Code)
				default:
					for _, p := range personal {
						if strings.Contains(body, p) != (w == shown) {
							t.Errorf("%s %s: %q shown %v, want %s", caller, path, p, strings.Contains(body, p), w)
						}
					}
					if strings.Contains(body, `_masked":true`) != (w == masked) {
						t.Errorf("%s %s: the masked flag is wrong: %s", caller, path, body)
					}
				}
			}
			for caller, w := range matrix {
				check(caller, fmt.Sprintf("/api/v1/tickets/%d", tk.ID), w.ticket, "张三", "13900001111", "zhang@example.cn")
				check(caller, "/api/v1/tickets", w.ticket, "张三", "13900001111", "zhang@example.cn")
				check(caller, fmt.Sprintf("/api/v1/foia/requests/%d", f.foiaID), w.request, "李四", "13900002222")
				check(caller, "/api/v1/foia/requests", w.request, "李四", "13900002222")
			}
		})
	}
}
