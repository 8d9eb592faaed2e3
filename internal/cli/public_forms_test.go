package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestPublicFormsAbuseControls: through the application as serve builds
// it, a bot that fills the hidden field gets a plain 404 and nothing is
// kept, on both public forms; one address may file five times an hour
// across the two forms, the sixth gets 429 with the reason on the form
// while another address still may; no request needs an outside service.
// The portal's 12345 figures and annual table need no sign-in and show
// nobody's data.
func TestPublicFormsAbuseControls(t *testing.T) {
	kind := storetest.Kinds()[0]
	app, _, _ := webFixture(t, kind, nil)
	ctx := context.Background()
	post := func(addr, path string, form url.Values) (int, string) {
		t.Helper()
		req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = addr + ":40000"
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		body, _ := io.ReadAll(rec.Body)
		return rec.Code, string(body)
	}
	ticket := url.Values{"type": {"consult"}, "description": {"咨询公积金提取"}, "phone": {"13900001111"}}
	request := url.Values{"kind": {"person"}, "name": {"张三"}, "phone": {"13900001111"}, "content": {"某文件"}}
	bot := func(v url.Values) url.Values {
		b := url.Values{}
		for k, vs := range v {
			b[k] = vs
		}
		b.Set("website", "http://spam.example")
		return b
	}
	for _, f := range []struct {
		path string
		form url.Values
	}{{"/public/tickets/new", ticket}, {"/public/foia/new", request}} {
		if code, _ := post("192.0.2.1", f.path, bot(f.form)); code != http.StatusNotFound {
			t.Errorf("a bot on %s: %d", f.path, code)
		}
	}
	tickets, _ := app.Store.FindTickets(ctx, records.TicketFilter{})
	requests, _ := app.Store.FindFOIARequests(ctx, records.FOIAFilter{})
	if len(tickets)+len(requests) != 0 {
		t.Fatalf("a bot's submission was kept: %d tickets, %d requests", len(tickets), len(requests))
	}
	for i := range 5 {
		path, form := "/public/tickets/new", ticket
		if i%2 == 1 {
			path, form = "/public/foia/new", request
		}
		if code, _ := post("192.0.2.2", path, form); code != http.StatusSeeOther {
			t.Fatalf("submission %d on %s: %d", i+1, path, code)
		}
	}
	if code, body := post("192.0.2.2", "/public/foia/new", request); code != http.StatusTooManyRequests || !strings.Contains(body, "alert-error") {
		t.Errorf("the sixth from one address: %d", code)
	}
	if code, _ := post("192.0.2.3", "/public/foia/new", request); code != http.StatusSeeOther {
		t.Errorf("another address: %d", code)
	}

	// The published figures need no sign-in and carry nobody's data.
	for path, want := range map[string]string{"/public/hotline": "受理工单", "/public/foia/report": "本年新收政府信息公开申请数量"} {
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, want) || strings.Contains(body, "13900001111") || strings.Contains(body, "张三") {
			t.Errorf("%s: %d, has %q: %v", path, rec.Code, want, strings.Contains(body, want))
		}
	}
}
