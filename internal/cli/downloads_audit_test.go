package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestDownloadsAudited: downloading a progress report's file, a 12345
// ticket's file, a reply letter (the office's, and the applicant's by
// the follow link), a 督办通知书 and the 通报 (.docx, .xlsx) each leave
// one audit entry naming who, from where and what, every time (no
// download is answered from the cache); a refused one leaves none.
func TestDownloadsAudited(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, cookies, unitA := webFixture(t, kind, signedInCallers)
			ids := seedPages(t, app, unitA)
			base, query, _ := strings.Cut(ids.publicFOIA, "?")
			publicID := strings.TrimPrefix(base, "/public/foia/")
			cases := []struct {
				caller, path, action, object string
			}{
				{"liaisonA", fmt.Sprintf("/attachments/%d", ids.attachment), "attachment.download", fmt.Sprint(ids.attachment)},
				{"office", fmt.Sprintf("/tickets/files/%d", ids.ticketFile), "ticket.file.download", fmt.Sprint(ids.ticketFile)},
				{"office", fmt.Sprintf("/foia/%d/letter.docx", ids.foia), "foia.letter.download", fmt.Sprint(ids.foia)},
				{"anonymous", base + "/letter.docx?" + query, "foia.letter.download", publicID},
				{"liaisonA", fmt.Sprintf("/tasks/%d/notice.docx?key=page-notice", ids.notice), "task.notice.download", fmt.Sprint(ids.notice)},
				{"leader", "/assessment/bulletin.docx?period=2026-Q1", "assess.bulletin.download", "2026-Q1"},
				{"liaisonB", "/assessment/bulletin.xlsx?period=2026-Q1", "assess.bulletin.download", "2026-Q1"},
			}
			for _, c := range cases {
				before := countAudit(t, app, c.action)
				// Refused first (to the audit administrator, who reads no
				// business data): nothing recorded.
				if c.caller != "anonymous" {
					if code := get(t, app, cookies["auditadmin"], c.path); code != http.StatusForbidden {
						t.Errorf("GET %s as auditadmin = %d, want 403", c.path, code)
					}
					if n := countAudit(t, app, c.action); n != before {
						t.Errorf("a refused download of %s recorded %d %s", c.path, n-before, c.action)
					}
				}
				if c.caller != "anonymous" { // twice: two entries
					if code := get(t, app, cookies[c.caller], c.path); code != http.StatusOK {
						t.Fatalf("GET %s first as %s = %d", c.path, c.caller, code)
					}
					before++
				}
				req := httptest.NewRequest("GET", c.path, nil)
				req.RemoteAddr = "192.0.2.9:5000"
				if ck := cookies[c.caller]; ck != "" {
					req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: ck})
				}
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
					t.Fatalf("GET %s as %s = %d", c.path, c.caller, rec.Code)
				}
				es, _, err := app.Store.FindAudit(context.Background(), records.AuditFilter{Action: c.action, Limit: 1})
				if err != nil || countAudit(t, app, c.action) != before+1 {
					t.Fatalf("GET %s as %s: %d %s entries, want one more (%v)", c.path, c.caller, countAudit(t, app, c.action)-before, c.action, err)
				}
				wantActor := c.caller
				if c.caller == "anonymous" {
					wantActor = "public"
				}
				if e := es[0]; e.Actor != wantActor || e.IP != "192.0.2.9" || e.ObjectID != c.object || e.After == "" {
					t.Errorf("GET %s: entry by %q from %s of %s %s, want by %s from 192.0.2.9 of %s", c.path, e.Actor, e.IP, e.ObjectID, e.After,
						wantActor, c.object)
				}
			}
		})
	}
}

func get(t *testing.T, app *App, cookie, path string) int {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: cookie})
	}
	rec := httptest.NewRecorder()
	app.Server.ServeHTTP(rec, req)
	return rec.Code
}

func countAudit(t *testing.T, app *App, action string) int {
	t.Helper()
	_, n, err := app.Store.FindAudit(context.Background(), records.AuditFilter{Action: action, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
