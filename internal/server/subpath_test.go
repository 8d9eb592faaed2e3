package server

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/basepath"
)

// probePages sets a cookie on the prefix, as the pages do, and says which
// cookie it was sent back.
type probePages struct{}

func (probePages) Routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /probe", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "probe", Value: "set", Path: basepath.CookiePath(basepath.From(r.Context()))})
		if c, err := r.Cookie("probe"); err == nil {
			w.Write([]byte(c.Value))
		}
	})
}

// TestBaseURLWithAPath: with base_url https://host/duban/ the server
// answers the prefix stripped by the proxy or passed on; over HTTPS its
// cookies, for /duban, are __Secure- (a __Host- cookie must be for the
// whole site) and read back; the API document's server is base_url.
func TestBaseURLWithAPath(t *testing.T) {
	f := newFixture(t, "sqlite")
	srv := New(Deps{Store: f.db, Services: f.services, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Pages: probePages{}, BaseURL: "https://duban.example.gov.cn/duban/"})
	do := func(path, cookie string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.RemoteAddr = "127.0.0.1:40000" // the proxy, trusted on loopback
		req.Header.Set("X-Forwarded-Proto", "https")
		req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	for _, p := range []string{"/api/v1/units", "/duban/api/v1/units"} {
		if rec := do(p, ""); rec.Code != http.StatusOK {
			t.Errorf("GET %s = %d, want 200 (the proxy strips /duban or passes it on)", p, rec.Code)
		}
	}
	rec := do("/probe", "")
	set := rec.Header().Get("Set-Cookie")
	if !strings.HasPrefix(set, "__Secure-probe=set") || !strings.Contains(set, "Path=/duban") || !strings.Contains(set, "Secure") {
		t.Errorf("Set-Cookie %q, want __Secure-probe on Path=/duban, Secure", set)
	}
	if rec := do("/probe", "__Secure-probe=back; probe=planted"); rec.Body.String() != "back" {
		t.Errorf("read back %q, want the __Secure- cookie (back), never the plain one", rec.Body.String())
	}
	var doc struct {
		Servers []struct{ URL string } `json:"servers"`
	}
	rec = do("/duban/api/v1/openapi.json", "")
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil || len(doc.Servers) != 1 || doc.Servers[0].URL != "https://duban.example.gov.cn/duban" {
		t.Errorf("openapi.json servers %+v (%v), want https://duban.example.gov.cn/duban", doc.Servers, err)
	}
}

// At the root a __Secure- cookie is not read: a sibling host may set one
// for the parent domain; only __Host- cookies are.
func TestSecureCookiesOnlyUnderAPath(t *testing.T) {
	f := newFixture(t, "sqlite")
	srv := New(Deps{Store: f.db, Services: f.services, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Pages: probePages{}})
	req := httptest.NewRequest("GET", "/probe", nil)
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("X-Forwarded-Proto", "https")
	req.Header.Set("Cookie", "__Secure-probe=sibling")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Body.String() != "" || !strings.HasPrefix(rec.Header().Get("Set-Cookie"), "__Host-probe=set") {
		t.Errorf("at the root: read %q, Set-Cookie %q; want nothing read and a __Host- cookie", rec.Body.String(), rec.Header().Get("Set-Cookie"))
	}
}
