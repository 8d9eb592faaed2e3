package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/config"
)

// TestFirstRunSetup: an empty system prints a one-time link; the link's
// page creates the system administrator, who can then sign in; the link
// then dies, and a weak password is refused with the rule's message.
func TestFirstRunSetup(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := config.Defaults()
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
	cfg.DataDir, cfg.Addr, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", "error"
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: io.Discard}
	app, err := Open(ctx, cfg, env)
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	if err := app.announceSetup(ctx, env); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/setup/([A-Za-z0-9_-]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no setup link printed: %q", out.String())
	}
	link := m[0]
	post := func(path string, v url.Values) *httptest.ResponseRecorder {
		req := httptest.NewRequest("POST", path, strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		return rec
	}
	get := func(path string) int {
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code
	}
	if code := get(link); code != http.StatusOK {
		t.Fatalf("GET %s = %d", link, code)
	}
	weak := post(link, url.Values{"username": {"admin"}, "display_name": {"管理员"}, "password": {"short"}, "confirm": {"short"}})
	if weak.Code != http.StatusUnprocessableEntity || !strings.Contains(weak.Body.String(), "10") {
		t.Errorf("weak password = %d", weak.Code)
	}
	ok := post(link, url.Values{"username": {"admin"}, "display_name": {"管理员"}, "password": {"Strong#Pass9"}, "confirm": {"Strong#Pass9"}})
	if ok.Code != http.StatusOK || !strings.Contains(ok.Body.String(), "<code>secadmin</code>") || !strings.Contains(ok.Body.String(), "<code>auditadmin</code>") {
		t.Fatalf("setup = %d %s", ok.Code, ok.Body.String())
	}
	if code := get(link); code != http.StatusNotFound {
		t.Errorf("spent link = %d, want 404", code)
	}
	signin := post("/signin", url.Values{"username": {"admin"}, "password": {"Strong#Pass9"}})
	if signin.Code != http.StatusSeeOther || !strings.Contains(signin.Header().Get("Set-Cookie"), "HttpOnly") {
		t.Errorf("sign-in = %d, cookie %q", signin.Code, signin.Header().Get("Set-Cookie"))
	}
	u, err := app.Store.FindUserByUsername(ctx, "admin")
	if err != nil || u.Role != "sysadmin" {
		t.Errorf("admin account = %+v, %v", u, err)
	}
}
