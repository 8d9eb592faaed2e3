package open311

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/store/storetest"
)

// Discovery gives absolute URLs under base_url's path, or without a
// base_url under the host and prefix the request came by.
func TestDiscoveryURLsAreAbsolute(t *testing.T) {
	now := time.Date(2010, 6, 1, 10, 0, 0, 0, time.UTC)
	srv, _ := serve(t, storetest.Kinds()[0], &now)
	_, body := get(t, srv, "/discovery.json")
	var d Discovery
	if err := json.Unmarshal(body, &d); err != nil || len(d.Endpoints) != 1 {
		t.Fatalf("discovery: %v %s", err, body)
	}
	if d.Endpoints[0].URL != "https://api.city.gov/dev/open311/v2" || d.KeyServer != "https://api.city.gov/dev/" {
		t.Errorf("with base_url https://api.city.gov/dev: url %q, key_service %q", d.Endpoints[0].URL, d.KeyServer)
	}

	h := &Handler{}
	mux := http.NewServeMux()
	h.Routes(mux)
	req, _ := http.NewRequest("GET", "http://duban.example:8080/duban/open311/v2/discovery.json", nil)
	rec := httptest.NewRecorder()
	basepath.Handler("/duban", mux).ServeHTTP(rec, req)
	if err := json.Unmarshal(rec.Body.Bytes(), &d); err != nil || len(d.Endpoints) != 1 {
		t.Fatalf("discovery without base_url: %v %s", err, rec.Body)
	}
	if d.Endpoints[0].URL != "http://duban.example:8080/duban/open311/v2" {
		t.Errorf("without base_url, behind /duban: url %q", d.Endpoints[0].URL)
	}
}

// Every read answers other sites' pages (CORS *); posting does not.
func TestCORSOnReadsOnly(t *testing.T) {
	now := time.Date(2010, 6, 1, 10, 0, 0, 0, time.UTC)
	srv, _ := serve(t, storetest.Kinds()[0], &now)
	base := srv.URL + strings.TrimSuffix(Prefix, "/")
	for _, p := range []string{"/discovery.json", "/discovery.xml", specServices, "/services/001.json", specRequests, "/requests/1.json"} {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
			t.Errorf("GET %s (%d): Access-Control-Allow-Origin %q, want *", p, resp.StatusCode, got)
		}
	}
	resp, err := http.Post(base+"/requests.json", "application/x-www-form-urlencoded", strings.NewReader(specPost))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" || resp.StatusCode != http.StatusCreated {
		t.Errorf("POST requests.json: %d, Access-Control-Allow-Origin %q, want 201 and none", resp.StatusCode, got)
	}
}
