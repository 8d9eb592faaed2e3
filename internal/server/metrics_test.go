package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/clientip"
	"github.com/duban/duban/internal/metrics"
)

const scraperToken = "scrape-0123456789abcdef"

// metricsServer is the fixture's server with /metrics on, as cli builds
// it: loopback allowed, a scraper token, loopback the trusted proxy.
func metricsServer(t *testing.T, f *fixture, log *slog.Logger) *Server {
	t.Helper()
	m := metrics.New(metrics.Sources{Pools: f.db.PoolStats, Outbox: f.db.OutboxDepth})
	return New(Deps{Store: f.db, Services: f.services, Log: log, Metrics: m, AccessLog: true,
		ClientIP:      clientip.New(clientip.Loopback()),
		MetricsAccess: MetricsAccess{Token: scraperToken, Allow: clientip.Loopback()}})
}

// TestMetricsScraperAndRefusals: /metrics answers Prometheus text to a
// scraper with the token (from anywhere) and to a loopback caller, and
// refuses everyone else, whatever they claim in X-Forwarded-For and
// whichever user's token they show.
func TestMetricsScraperAndRefusals(t *testing.T) {
	f := newFixture(t, "sqlite")
	srv := metricsServer(t, f, slog.New(slog.NewTextHandler(io.Discard, nil)))
	get := func(remote, auth, xff string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = remote
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	// Some traffic to count first.
	for range 2 {
		req := httptest.NewRequest("GET", "/api/v1/units?q=%E5%BC%A0%E4%B8%89", nil)
		req.RemoteAddr = "127.0.0.1:40000"
		req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /api/v1/units = %d", rec.Code)
		}
	}
	rec := get("203.0.113.5:5000", scraperToken, "")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/plain") {
		t.Fatalf("scraper with token: %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	body := rec.Body.String()
	for _, want := range []string{
		`duban_http_requests_total{class="2xx",method="GET",route="GET /api/v1/units"} 2`,
		`duban_http_request_duration_seconds_bucket{route="GET /api/v1/units",le="+Inf"} 2`,
		`duban_db_open_connections{pool="read"}`, `duban_db_max_open_connections{pool="write"} 1`,
		`duban_outbox_read_errors 0`, "go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("exposition lacks %q", want)
		}
	}
	if strings.Contains(body, "q=") || strings.Contains(body, "张三") {
		t.Error("exposition carries a raw path or query")
	}
	if rec := get("127.0.0.1:40001", "", ""); rec.Code != http.StatusOK {
		t.Errorf("loopback without token = %d, want 200", rec.Code)
	}
	refusals := []struct {
		name, remote, auth, xff string
		want                    int
	}{
		{"anonymous from outside", "203.0.113.5:5000", "", "", http.StatusUnauthorized},
		{"outsider claiming loopback in X-Forwarded-For", "203.0.113.5:5000", "", "127.0.0.1", http.StatusUnauthorized},
		{"outsider through the trusted proxy", "127.0.0.1:40002", "", "203.0.113.5", http.StatusUnauthorized},
		{"a wrong token", "203.0.113.5:5000", scraperToken + "x", "", http.StatusForbidden},
		{"a wrong token from loopback", "127.0.0.1:40003", "nope", "", http.StatusForbidden},
	}
	for _, role := range callers[1:] { // every signed-in role: a user's token is not the scraper's
		refusals = append(refusals, struct {
			name, remote, auth, xff string
			want                    int
		}{role + "'s API token", "203.0.113.5:5000", f.tokens[role], "", http.StatusForbidden})
	}
	for _, c := range refusals {
		rec := get(c.remote, c.auth, c.xff)
		if rec.Code != c.want || strings.Contains(rec.Body.String(), "duban_http") {
			t.Errorf("%s: %d, want %d", c.name, rec.Code, c.want)
		}
	}
	// Audited: the anonymous outsider as no credentials, a wrong token
	// as forbidden, never as a cross-site write.
	whys := map[string]bool{}
	for _, e := range deniedEntries(t, f) {
		if d := deniedDetail(t, e); d.Path == "/metrics" {
			whys[d.Why] = true
		}
	}
	if !whys[whyNoCredentials] || !whys[whyForbidden] || whys[whyCrossOrigin] {
		t.Errorf("audited refusals of /metrics: %v", whys)
	}
	// The refusals are counted under the route too.
	if rec := get("203.0.113.5:5000", scraperToken, ""); !strings.Contains(rec.Body.String(), `route="GET /metrics"`) {
		t.Error("the refusals are not counted under GET /metrics")
	}
}

// TestAccessLogJSON: with log_format json every request gives one JSON
// line naming the route pattern, status, bytes and client address, and
// never the query string nor the caller's token.
func TestAccessLogJSON(t *testing.T) {
	f := newFixture(t, "sqlite")
	var buf bytes.Buffer
	srv := metricsServer(t, f, slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo})))
	req := httptest.NewRequest("GET", "/api/v1/tasks/"+strconv.FormatInt(f.taskA, 10)+"?q=%E5%BC%A0%E4%B8%89", nil)
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("X-Forwarded-For", "198.51.100.7")
	req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET task = %d", rec.Code)
	}
	var line map[string]any
	for _, l := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not a JSON line: %q", l)
		}
		if m["msg"] == "access" {
			line = m
		}
	}
	if line == nil {
		t.Fatalf("no access line in %s", buf.String())
	}
	if line["route"] != "GET /api/v1/tasks/{id}" || line["method"] != "GET" || line["status"] != 200.0 ||
		line["ip"] != "198.51.100.7" || line["bytes"].(float64) != float64(rec.Body.Len()) || line["level"] != "INFO" {
		t.Errorf("access line %v", line)
	}
	if out := buf.String(); strings.Contains(out, "张三") || strings.Contains(out, "%E5") || strings.Contains(out, f.tokens["office"]) {
		t.Errorf("the log carries the query or the token: %s", out)
	}
}
