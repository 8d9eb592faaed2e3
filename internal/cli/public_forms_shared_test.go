package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPublicFormsLimitedAcrossInstances: two instances serving one
// PostgreSQL count the public forms' submissions in it, so one address
// files five times an hour between them, not five on each: the sixth is
// refused by whichever instance it reaches.
func TestPublicFormsLimitedAcrossInstances(t *testing.T) {
	a, _, _ := webFixture(t, "postgres", nil)
	cfg := a.Config
	cfg.DataDir = filepath.Join(t.TempDir(), "second")
	b, err := Open(context.Background(), cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if left := time.Until(time.Now().Truncate(time.Hour).Add(time.Hour)); left < 5*time.Second {
		time.Sleep(left) // the six submissions fall in one counting hour
	}
	form := url.Values{"type": {"consult"}, "description": {"咨询公积金提取"}, "phone": {"13900001111"}}
	post := func(app *App) int {
		req := httptest.NewRequest("POST", "/public/tickets/new", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = "192.0.2.7:40000"
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := range 5 {
		if code := post([]*App{a, b}[i%2]); code != http.StatusSeeOther {
			t.Fatalf("submission %d: %d", i+1, code)
		}
	}
	for _, app := range []*App{a, b} {
		if code := post(app); code != http.StatusTooManyRequests {
			t.Errorf("a sixth submission from the address: %d, want 429", code)
		}
	}
}
