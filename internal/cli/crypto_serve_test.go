package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestServeGM: the application as serve builds it under crypto gm takes a
// 12345 ticket and an information request through the public forms; the
// caller and the applicant follow them through their links, staff read
// them back in the clear through the services, and the rows themselves
// hold none of the personal data. Nothing above the store knows.
func TestServeGM(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			opts := storetest.Options(t, kind)
			cfg := config.Defaults()
			cfg.DataDir, cfg.DB, cfg.LogLevel = opts.DataDir, opts.DSN, "error"
			if cfg.DataDir == "" {
				cfg.DataDir = t.TempDir()
			}
			k, _ := cryptosuite.NewKey()
			cfg.Crypto, cfg.DataKeyFile = "gm", filepath.Join(t.TempDir(), "sm4.key")
			if err := os.WriteFile(cfg.DataKeyFile, []byte(k), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { app.Close() })
			if app.Store.CryptoSuite() != "gm" {
				t.Fatalf("serve opened with %q", app.Store.CryptoSuite())
			}
			post := func(path string, form url.Values) string {
				t.Helper()
				req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.RemoteAddr = "192.0.2.9:40000"
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, req)
				if rec.Code != http.StatusSeeOther {
					t.Fatalf("%s: %d %s", path, rec.Code, rec.Body.String())
				}
				return rec.Header().Get("Location")
			}
			follow := []string{
				post("/public/tickets/new", url.Values{"type": {"complaint"}, "description": {"夜间施工噪音"}, "name": {"王小明"},
					"phone": {"13900001111"}, "email": {"wxm@example.cn"}, "address": {"解放街12号3单元"}}),
				post("/public/foia/new", url.Values{"kind": {"person"}, "name": {"张三"}, "id_no": {"330302199001011234"},
					"phone": {"13900002222"}, "email": {"zs@example.cn"}, "address": {"古岸头村5号"}, "content": {"某项目环评报告"}}),
			}
			for _, link := range follow {
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, httptest.NewRequest("GET", link, nil))
				if rec.Code != http.StatusOK {
					t.Errorf("follow %s: %d", link, rec.Code)
				}
			}
			tickets, err := app.Store.FindTickets(ctx, records.TicketFilter{})
			if err != nil || len(tickets) != 1 || tickets[0].CallerPhone != "13900001111" || tickets[0].CallerName != "王小明" {
				t.Fatalf("tickets read back: %+v %v", tickets, err)
			}
			requests, err := app.Store.FindFOIARequests(ctx, records.FOIAFilter{})
			if err != nil || len(requests) != 1 || requests[0].ApplicantIDNo != "330302199001011234" {
				t.Fatalf("requests read back: %+v %v", requests, err)
			}
			raw := rawDB(t, opts)
			var rows []string
			for _, q := range []string{
				`SELECT caller_name || caller_phone || caller_email || address FROM tickets`,
				`SELECT applicant_name || applicant_id_no || applicant_phone || applicant_email || applicant_addr FROM foia_requests`,
			} {
				var s string
				if err := raw.QueryRow(q).Scan(&s); err != nil {
					t.Fatal(err)
				}
				rows = append(rows, s)
			}
			for _, p := range []string{"王小明", "13900001111", "wxm@", "解放街", "张三", "330302", "13900002222", "zs@", "古岸头"} {
				if strings.Contains(strings.Join(rows, "\n"), p) {
					t.Errorf("%q lies in the clear in the database", p)
				}
			}
		})
	}
}
