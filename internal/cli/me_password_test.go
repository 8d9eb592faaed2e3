package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/config"
)

// TestThreeAdministratorsAtFirstRun walks the first run through the pages
// of the application as serve builds it: the setup makes the three
// administrators and shows the security and audit administrators'
// one-time passwords once; the security administrator signs in with
// theirs and every page sends them to /me/password until they have chosen
// their own; the page checks the old password and the confirmation, and
// afterwards the pages open. The user menu links to the page.
func TestThreeAdministratorsAtFirstRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := config.Defaults()
	cfg.DataDir, cfg.Addr, cfg.LogLevel = t.TempDir(), "127.0.0.1:0", "error"
	cfg.TOTPRequiredRoles = nil // not about the second factor: TestTOTPJourney is
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
	link := regexp.MustCompile(`/setup/[A-Za-z0-9_-]+`).FindString(out.String())
	var cookie string
	do := func(method, path string, v url.Values) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(v.Encode()))
		if method == "POST" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		return rec
	}
	setup := do("POST", link, url.Values{"username": {"admin"}, "display_name": {"管理员"}, "password": {"Strong#Pass9"},
		"confirm": {"Strong#Pass9"}, "secadmin_username": {"anquan"}, "auditadmin_username": {"shenji"}})
	secret := regexp.MustCompile(`<code>anquan</code></dt>\s*<dd class="secret-box"><code>([^<]+)</code>`).FindStringSubmatch(setup.Body.String())
	if setup.Code != http.StatusOK || secret == nil || !strings.Contains(setup.Body.String(), "<code>shenji</code>") {
		t.Fatalf("setup = %d %s", setup.Code, setup.Body.String())
	}
	for name, role := range map[string]string{"admin": "sysadmin", "anquan": "secadmin", "shenji": "auditadmin"} {
		if u, err := app.Store.FindUserByUsername(ctx, name); err != nil || string(u.Role) != role || u.MustChangePassword != (name != "admin") {
			t.Errorf("%s after setup: %+v %v", name, u, err)
		}
	}

	signin := do("POST", "/signin", url.Values{"username": {"anquan"}, "password": {secret[1]}})
	if signin.Code != http.StatusSeeOther {
		t.Fatalf("sign in with the one-time password = %d", signin.Code)
	}
	cookie = strings.SplitN(signin.Header().Get("Set-Cookie"), ";", 2)[0]
	for _, path := range []string{"/", "/users", "/users/new"} {
		if w := do("GET", path, nil); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/me/password" {
			t.Errorf("GET %s with a one-time password = %d → %q", path, w.Code, w.Header().Get("Location"))
		}
	}
	if w := do("POST", "/users/new", url.Values{"username": {"x"}, "role": {"sysadmin"}}); w.Code != http.StatusSeeOther {
		t.Errorf("POST /users/new with a one-time password = %d", w.Code)
	}
	page := do("GET", "/me/password", nil)
	if page.Code != http.StatusOK || !strings.Contains(page.Body.String(), "一次性密码") || !strings.Contains(page.Body.String(), `href="/me/password"`) {
		t.Fatalf("GET /me/password = %d %s", page.Code, page.Body.String())
	}
	for _, v := range []url.Values{
		{"old": {"Wrong#Pass1"}, "new": {"Guard#Own2026x"}, "confirm": {"Guard#Own2026x"}},
		{"old": {secret[1]}, "new": {"Guard#Own2026x"}, "confirm": {"Other#Own2026"}},
		{"old": {secret[1]}, "new": {secret[1]}, "confirm": {secret[1]}},
	} {
		if w := do("POST", "/me/password", v); w.Code != http.StatusUnprocessableEntity {
			t.Errorf("POST /me/password %v = %d", v, w.Code)
		}
	}
	if w := do("POST", "/me/password", url.Values{"old": {secret[1]}, "new": {"Guard#Own2026x"}, "confirm": {"Guard#Own2026x"}}); w.Code != http.StatusSeeOther {
		t.Fatalf("change the password = %d %s", w.Code, w.Body.String())
	}
	if w := do("GET", "/users", nil); w.Code != http.StatusOK {
		t.Errorf("GET /users after the change = %d", w.Code)
	}

	// The system administrator's pages refuse the administrators' accounts.
	cookie = ""
	signin = do("POST", "/signin", url.Values{"username": {"admin"}, "password": {"Strong#Pass9"}})
	cookie = strings.SplitN(signin.Header().Get("Set-Cookie"), ";", 2)[0]
	auditor, _ := app.Store.FindUserByUsername(ctx, "shenji")
	for _, c := range []struct {
		path string
		v    url.Values
	}{
		{"/users/new", url.Values{"username": {"shenji2"}, "display_name": {"审计"}, "role": {"auditadmin"}}},
		{"/users/new", url.Values{"username": {"anquan2"}, "display_name": {"安全"}, "role": {"secadmin"}}},
		{fmt.Sprintf("/users/%d/reset-password", auditor.ID), nil},
		{fmt.Sprintf("/users/%d/disable", auditor.ID), nil},
	} {
		if w := do("POST", c.path, c.v); w.Code != http.StatusForbidden {
			t.Errorf("as the system administrator, POST %s %v = %d, want 403", c.path, c.v, w.Code)
		}
	}
	if w := do("POST", "/users/new", url.Values{"username": {"zhang"}, "display_name": {"张三"}, "role": {""}}); w.Code != http.StatusOK {
		t.Errorf("as the system administrator, create an ordinary account = %d", w.Code)
	}
}
