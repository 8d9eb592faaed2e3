package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestEveryWebFormByEveryRole posts every state-changing form of the web
// pages as every role, and as nobody, on both databases, through the
// application exactly as `serve` builds it. Allowed callers get a page or
// a redirect, everyone else signed in gets 403, nobody gets sent to sign in.
func TestEveryWebFormByEveryRole(t *testing.T) {
	type form struct {
		name    string
		path    func(unitA, bystander int64) string
		values  func(caller string) url.Values
		allowed []string
	}
	forms := []form{
		{"create unit", func(int64, int64) string { return "/units/new" },
			func(c string) url.Values { return url.Values{"name": {"新单位-" + c}, "kind": {"department"}} }, []string{"sysadmin", "office"}},
		{"edit unit", func(a, _ int64) string { return fmt.Sprintf("/units/%d/edit", a) },
			func(string) url.Values {
				return url.Values{"name": {"市法制办"}, "kind": {"department"}, "aliases": {"市政府法制办公室"}}
			}, []string{"sysadmin", "office"}},
		{"create user", func(int64, int64) string { return "/users/new" },
			func(c string) url.Values {
				return url.Values{"username": {"new" + c}, "display_name": {"新人"}, "role": {""}}
			}, []string{"sysadmin"}},
		{"rename user", func(_, b int64) string { return fmt.Sprintf("/users/%d/edit", b) },
			func(c string) url.Values {
				return url.Values{"username": {"bystander"}, "display_name": {"改名"}, "role": {"leader"}}
			}, []string{"sysadmin"}},
		{"grant role", func(_, b int64) string { return fmt.Sprintf("/users/%d/edit", b) },
			func(c string) url.Values {
				return url.Values{"username": {"bystander"}, "display_name": {"旁观者"}, "role": {"office"}}
			}, []string{"secadmin"}},
		{"disable user", func(_, b int64) string { return fmt.Sprintf("/users/%d/disable", b) }, nil, []string{"sysadmin"}},
		{"enable user", func(_, b int64) string { return fmt.Sprintf("/users/%d/enable", b) }, nil, []string{"sysadmin"}},
		{"unlock user", func(_, b int64) string { return fmt.Sprintf("/users/%d/unlock", b) }, nil, []string{"secadmin"}},
		{"reset password", func(_, b int64) string { return fmt.Sprintf("/users/%d/reset-password", b) }, nil, []string{"sysadmin"}},
		{"sign out", func(int64, int64) string { return "/signout" }, nil, []string{"sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}},
	}
	callers := []string{"anonymous", "sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, cookies, unitA := webFixture(t, kind, callers[1:])
			for _, fm := range forms {
				for _, caller := range callers {
					bystander := newBystander(t, app.Store)
					var body io.Reader = strings.NewReader("")
					if fm.values != nil {
						body = strings.NewReader(fm.values(caller).Encode())
					}
					req := httptest.NewRequest("POST", fm.path(unitA, bystander), body)
					req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
					if c := cookies[caller]; c != "" {
						req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: c})
					}
					rec := httptest.NewRecorder()
					app.Server.ServeHTTP(rec, req)
					got := outcome(rec)
					want := "forbidden"
					switch {
					case caller == "anonymous":
						want = "sign in"
					case contains(fm.allowed, caller):
						want = "done"
					}
					if fm.name == "sign out" && want == "done" {
						// Signing out ends on the sign-in page; what counts is that the session is gone.
						want = "sign in"
						if _, _, err := app.Signin.Authenticate(context.Background(), cookies[caller]); err == nil {
							t.Errorf("sign out as %s left the session alive", caller)
						}
					}
					if got != want {
						t.Errorf("%s as %s: %d %s (%s), want %s", fm.name, caller, rec.Code, got, rec.Header().Get("Location"), want)
					}
				}
			}
		})
	}
}

func outcome(rec *httptest.ResponseRecorder) string {
	loc := rec.Header().Get("Location")
	switch {
	case rec.Code == http.StatusForbidden:
		return "forbidden"
	case rec.Code >= 300 && rec.Code < 400 && strings.HasPrefix(loc, "/signin"):
		return "sign in"
	case rec.Code < 400:
		return "done"
	}
	return fmt.Sprintf("error %d", rec.Code)
}

// webFixture boots the application on a fresh database of kind with one
// account per caller and a web session for each, and returns the session
// cookies and the unit of liaisonA.
func webFixture(t *testing.T, kind string, callers []string) (*App, map[string]string, int64) {
	t.Helper()
	ctx := context.Background()
	opts := storetest.Options(t, kind)
	cfg := config.Defaults()
	cfg.DataDir, cfg.DB, cfg.LogLevel = opts.DataDir, opts.DSN, "error"
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	app, err := Open(ctx, cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	a, _ := app.Store.CreateUnit(ctx, audit.System, store.UnitCreate{Name: "市法制办", Kind: store.UnitDepartment})
	b, _ := app.Store.CreateUnit(ctx, audit.System, store.UnitCreate{Name: "市财政局", Kind: store.UnitDepartment})
	roles := map[string]authz.Role{"sysadmin": authz.SysAdmin, "secadmin": authz.SecAdmin, "auditadmin": authz.AuditAdmin,
		"office": authz.Office, "leader": authz.Leader, "liaisonA": authz.Liaison, "liaisonB": authz.Liaison}
	units := map[string][]int64{"liaisonA": {a.ID}, "liaisonB": {b.ID}}
	cookies := map[string]string{}
	for _, c := range callers {
		u, err := app.Store.CreateUser(ctx, audit.System, store.UserCreate{Username: c, PasswordHash: testHash, Role: roles[c], Units: units[c]})
		if err != nil {
			t.Fatal(err)
		}
		if cookies[c], err = app.Signin.Issue(ctx, audit.System, u.ID, store.SessionWeb, "test", "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	return app, cookies, a.ID
}

var testHash, _ = auth.HashPassword("Fixture#Pass1")

func newBystander(t *testing.T, db *store.DB) int64 {
	t.Helper()
	n, _ := db.CountUsers(context.Background())
	u, err := db.CreateUser(context.Background(), audit.System, store.UserCreate{Username: fmt.Sprintf("bystander%d", n),
		DisplayName: "旁观者", PasswordHash: testHash, Role: authz.Leader})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
