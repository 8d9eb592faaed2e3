package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestTicketServicesPage: through the application as serve builds it, on
// both databases, the office adds a category with its responsible unit
// (the /tickets page links to the tree), is told in Chinese which field
// is wrong, moves the category to another path and deactivates it — each
// change audited — while a liaison gets 403 for the page and the forms
// and a cross-site post is refused.
func TestTicketServicesPage(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			app, cookies, unitA := webFixture(t, kind, []string{"office", "liaisonA"})
			send := func(caller, method, path string, form url.Values, header ...string) (int, string, string) {
				t.Helper()
				req := httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
				if method == "POST" {
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				}
				for i := 0; i+1 < len(header); i += 2 {
					req.Header.Set(header[i], header[i+1])
				}
				req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: cookies[caller]})
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, req)
				body, _ := io.ReadAll(rec.Body)
				return rec.Code, rec.Header().Get("Location"), string(body)
			}
			if code, _, body := send("office", "GET", "/tickets", nil); code != 200 || !strings.Contains(body, `href="/tickets/services"`) {
				t.Fatalf("tickets page: %d, link to the categories %v", code, strings.Contains(body, "/tickets/services"))
			}
			add := url.Values{"code": {"cs-wy"}, "name": {"物业管理"}, "path": {"城乡建设／物业管理"}, "type": {"complaint"},
				"unit": {fmt.Sprint(unitA)}, "keywords": {"物业，电梯"}, "active": {"1"}}
			if code, loc, _ := send("office", "POST", "/tickets/services/new", add); code != http.StatusSeeOther || loc != "/tickets/services#s-cs-wy" {
				t.Fatalf("add: %d %s", code, loc)
			}
			code, _, body := send("office", "GET", "/tickets/services", nil)
			for _, w := range []string{`id="s-cs-wy"`, "城乡建设", "物业管理", "投诉", "市法制办", `<span class="chip">电梯</span>`} {
				if code != 200 || !strings.Contains(body, w) {
					t.Errorf("the tree (%d) lacks %q", code, w)
				}
			}
			if code, _, body := send("office", "POST", "/tickets/services/new", add); code != http.StatusUnprocessableEntity || !strings.Contains(body, "事项编号已被其他类别使用") {
				t.Errorf("a taken code: %d", code)
			}
			bad := url.Values{"code": {"cs-x"}, "name": {""}, "path": {"城乡建设//物业"}, "type": {"complaint"}, "unit": {"99999"}}
			code, _, body = send("office", "POST", "/tickets/services/new", bad)
			for _, w := range []string{"请填写事项名称", "类别路径用“/”分级"} {
				if code != http.StatusUnprocessableEntity || !strings.Contains(body, w) {
					t.Errorf("a bad form (%d) lacks %q", code, w)
				}
			}
			bad = url.Values{"code": {"cs-x"}, "name": {"某事"}, "path": {"其他"}, "type": {"complaint"}, "unit": {"99999"}}
			if code, _, body := send("office", "POST", "/tickets/services/new", bad); code != http.StatusUnprocessableEntity || !strings.Contains(body, "所选责任单位不存在") {
				t.Errorf("an unknown unit: %d", code)
			}
			if code, _, body := send("office", "GET", "/tickets/services/cs-wy/edit", nil); code != 200 || !strings.Contains(body, `value="城乡建设/物业管理"`) {
				t.Errorf("edit form: %d", code)
			}
			move := url.Values{"name": {"物业服务"}, "path": {"住房保障/物业服务"}, "type": {"complaint"}, "unit": {"0"}, "keywords": {"物业"}}
			if code, loc, _ := send("office", "POST", "/tickets/services/cs-wy/edit", move); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/tickets/services") {
				t.Fatalf("move: %d %s", code, loc)
			}
			s, err := app.Store.FindTicketService(ctx, "cs-wy")
			if err != nil || s.Path != "住房保障/物业服务" || s.Name != "物业服务" || s.UnitID != 0 || s.Active {
				t.Errorf("after the move: %+v %v", s, err)
			}
			if _, _, body := send("office", "GET", "/tickets/new", nil); strings.Contains(body, `value="cs-wy"`) {
				t.Error("the intake form still offers the deactivated category")
			}
			entries, _, err := app.Store.FindAudit(ctx, records.AuditFilter{Action: "ticket.service."})
			if err != nil || len(entries) != 2 || entries[0].Action != "ticket.service.update" || entries[0].Actor != "office" ||
				!strings.Contains(entries[0].Before, "城乡建设/物业管理") || !strings.Contains(entries[0].After, "住房保障/物业服务") {
				t.Errorf("audit: %d entries %v", len(entries), err)
			}

			again := url.Values{"name": {"改名"}, "path": {"其他"}, "type": {"help"}, "active": {"1"}}
			for _, c := range []struct {
				method, path string
				form         url.Values
			}{
				{"GET", "/tickets/services", nil},
				{"GET", "/tickets/services/new", nil},
				{"GET", "/tickets/services/cs-wy/edit", nil},
				{"POST", "/tickets/services/new", url.Values{"code": {"zz"}, "name": {"某事"}, "path": {"其他"}, "type": {"help"}}},
				{"POST", "/tickets/services/cs-wy/edit", again},
			} {
				if code, _, _ := send("liaisonA", c.method, c.path, c.form); code != http.StatusForbidden {
					t.Errorf("liaison %s %s: %d, want 403", c.method, c.path, code)
				}
			}
			if _, _, body := send("liaisonA", "GET", "/tickets", nil); strings.Contains(body, `href="/tickets/services"`) {
				t.Error("the liaison's ticket list links to the categories")
			}
			if code, _, _ := send("office", "POST", "/tickets/services/cs-wy/edit", again, "Sec-Fetch-Site", "cross-site"); code != http.StatusForbidden {
				t.Errorf("a cross-site post: %d, want 403", code)
			}
			if s, _ := app.Store.FindTicketService(ctx, "cs-wy"); s == nil || s.Name != "物业服务" {
				t.Errorf("a refused post changed the category: %+v", s)
			}
		})
	}
}
