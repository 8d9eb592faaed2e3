package server

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestHSTSFollowsTheRequestNotTheCache: an answer kept by the response
// cache carries HSTS only when the request that reads it came over HTTPS
// (here a loopback proxy's X-Forwarded-Proto), in either order.
func TestHSTSFollowsTheRequestNotTheCache(t *testing.T) {
	f := newFixture(t, "sqlite")
	get := func(path string, https bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		req.RemoteAddr = "127.0.0.1:40000"
		req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
		if https {
			req.Header.Set("X-Forwarded-Proto", "https")
		}
		rec := httptest.NewRecorder()
		f.srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		return rec
	}
	for _, order := range [][]bool{{true, false}, {false, true}} {
		path := "/api/v1/units"
		if order[0] {
			path = "/api/v1/plans"
		}
		for i, https := range order {
			rec := get(path, https)
			if hit := rec.Header().Get("X-Cache") == "hit"; hit != (i == 1) {
				t.Errorf("%s #%d: X-Cache %q", path, i, rec.Header().Get("X-Cache"))
			}
			if got := rec.Header().Get("Strict-Transport-Security"); (got == "max-age=31536000") != https || (!https && got != "") {
				t.Errorf("%s https=%v: HSTS %q", path, https, got)
			}
		}
	}
}
