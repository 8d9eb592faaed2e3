package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/scheduler"
)

// lockedBuffer is a log sink the server and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeMetricsAndJSONLogs: serve as the binary boots it, with
// log_format json, a metrics token and an empty allow-list: a caller
// without the token is refused even from loopback; the scraper with it
// reads the exposition, which includes the scheduler's ticks as serve
// wires them; every log line is JSON, each request has its access line,
// and the token is in none.
func TestServeMetricsAndJSONLogs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := config.Defaults()
	cfg.DataDir, cfg.Addr, cfg.LogLevel, cfg.Scheduler = t.TempDir(), "127.0.0.1:0", "info", false
	cfg.LogFormat, cfg.MetricsToken, cfg.MetricsAllow = "json", "scraper-token-0123456789", []string{}
	logs := &lockedBuffer{}
	env := &Env{Stdout: &bytes.Buffer{}, Stderr: logs}
	app, err := Open(ctx, cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if app.Scheduler.Observe == nil {
		t.Fatal("serve does not report scheduler ticks to /metrics")
	}
	app.Scheduler.Observe(1500*time.Millisecond, scheduler.Result{Sent: 4}, nil)
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- app.Run(ctx, env, func(a net.Addr) { addr <- a }) }()
	base := "http://" + (<-addr).String()
	get := func(auth string) (int, string) {
		req, _ := http.NewRequest("GET", base+"/metrics", nil)
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// A page is counted under its own route, not under the "/" the pages
	// are mounted at.
	// Read whole, so that the next requests go over the same connection:
	// the server takes them only after this one's count is in (the
	// client may hold the answer before the server has counted it).
	if resp, err := http.Get(base + "/signin"); err != nil {
		t.Fatal(err)
	} else {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	// metrics_allow is empty: the token only, even from loopback.
	if code, _ := get(""); code != http.StatusUnauthorized {
		t.Errorf("no token, empty allow-list: %d, want 401", code)
	}
	code, body := get(cfg.MetricsToken)
	if code != http.StatusOK {
		t.Fatalf("with the token: %d", code)
	}
	for _, want := range []string{`duban_scheduler_ticks_total{result="ok"} 1`, `duban_notifications_delivered_total{outcome="sent"} 4`,
		`duban_http_requests_total{class="4xx",method="GET",route="GET /metrics"} 1`, `duban_db_open_connections{pool="write"}`,
		`duban_http_requests_total{class="2xx",method="GET",route="GET /signin"} 1`} {
		if !strings.Contains(body, want) {
			t.Errorf("exposition lacks %q", want)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	access := 0
	for _, l := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("a log line that is not JSON: %q", l)
		}
		if m["msg"] == "access" && m["route"] == "GET /metrics" {
			access++
		}
	}
	if access != 2 || strings.Contains(logs.String(), cfg.MetricsToken) {
		t.Errorf("access lines for /metrics: %d, want 2 (token in the log: %v)", access, strings.Contains(logs.String(), cfg.MetricsToken))
	}
}
