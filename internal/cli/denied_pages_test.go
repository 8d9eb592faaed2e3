package cli

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/server"
)

// TestPageRefusalAudited: a page refused by role is audited as
// access.denied by the same middleware as the API, with who, the page
// and why; and so is an API call without a token, on the application as
// `serve` builds it.
func TestPageRefusalAudited(t *testing.T) {
	app, cookies, _ := webFixture(t, "sqlite", []string{"liaisonA"})
	req := httptest.NewRequest("GET", "/audit", nil)
	req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: cookies["liaisonA"]})
	rec := httptest.NewRecorder()
	app.Server.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Fatalf("GET /audit as a liaison = %d, want 403", rec.Code)
	}
	rec = httptest.NewRecorder()
	app.Server.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/tasks", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("GET /api/v1/tasks without a token = %d, want 401", rec.Code)
	}
	es, _, err := app.Store.FindAudit(context.Background(), records.AuditFilter{Action: server.DeniedAction})
	if err != nil || len(es) != 2 {
		t.Fatalf("access.denied entries: %d %v, want 2", len(es), err)
	}
	var page, api server.DeniedDetail
	json.Unmarshal([]byte(es[1].After), &page)
	json.Unmarshal([]byte(es[0].After), &api)
	if es[1].Actor != "liaisonA" || page.Path != "/audit" || page.Status != 403 || page.Why != "role_or_unit" || page.Role != "liaison" {
		t.Errorf("the page's refusal: by %q %+v", es[1].Actor, page)
	}
	if es[0].Actor != "" || api.Path != "/api/v1/tasks" || api.Status != 401 || api.Why != "no_credentials" {
		t.Errorf("the API's refusal: by %q %+v", es[0].Actor, api)
	}
}
