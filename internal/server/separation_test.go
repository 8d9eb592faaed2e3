package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store/storetest"
)

// adminsFixture is a server whose accounts are made in the demo's order,
// so that user 3 is the audit administrator, as in the demo; each holds
// an API token.
func adminsFixture(t *testing.T, kind string) *fixture {
	t.Helper()
	ctx := context.Background()
	db := storetest.Open(t, kind)
	fs, err := files.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{db: db, tokens: map[string]string{}, users: map[string]int64{}}
	f.services = services.New(db, services.Options{Policy: auth.DefaultPolicy, Files: fs})
	for _, a := range []struct {
		name string
		role authz.Role
	}{{"sysadmin", authz.SysAdmin}, {"secadmin", authz.SecAdmin}, {"auditor", authz.AuditAdmin}, {"ducha", authz.Office}, {"lingdao", authz.Leader}} {
		u, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: a.name, PasswordHash: fixtureHash, Role: a.role})
		if err != nil {
			t.Fatal(err)
		}
		f.users[a.name] = u.ID
		if f.tokens[a.name], err = f.services.Signin.Issue(ctx, audit.System, u.ID, records.SessionAPI, "test", "127.0.0.1"); err != nil {
			t.Fatal(err)
		}
	}
	if f.users["auditor"] != 3 {
		t.Fatalf("the audit administrator is user %d, want 3 as in the demo", f.users["auditor"])
	}
	f.srv = New(Deps{Store: db, Services: f.services, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	return f
}

// auditCount is how many changes the audit log holds, refusals aside.
func (f *fixture) auditCount(t *testing.T) int {
	t.Helper()
	entries, _, err := f.db.FindAudit(context.Background(), records.AuditFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		// A refusal is itself recorded (access.denied); what must not be
		// written is a change.
		if e.Action != "access.denied" {
			n++
		}
	}
	return n
}

// TestSysadminCannotTouchAdministrators is issue 13's first must-show
// through the real router: as the system administrator, creating an
// audit or security administrator's account, changing user 3's (the
// audit administrator's) password and disabling user 3 each give 403 and
// change nothing; the security administrator may do the last two, and the
// reset is audited as a reset without the secret.
func TestSysadminCannotTouchAdministrators(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := adminsFixture(t, kind)
			for _, c := range []struct{ name, method, path, body string }{
				{"create an auditadmin", "POST", "/api/v1/users", `{"username":"shenji2","display_name":"审计员","role":"auditadmin"}`},
				{"create a secadmin", "POST", "/api/v1/users", `{"username":"anquan2","display_name":"安全员","role":"secadmin"}`},
				{"change user 3's password", "PATCH", "/api/v1/users/3", `{"password":"Taken#Over99"}`},
				{"disable user 3", "PATCH", "/api/v1/users/3", `{"disabled":true}`},
				{"rename user 3", "PATCH", "/api/v1/users/3", `{"display_name":"改名"}`},
				{"sign user 3 out everywhere", "POST", "/api/v1/users/3/logout-all", ``},
				{"grant user 3 a role", "PUT", "/api/v1/users/3/grant", `{"role":"office"}`},
				{"rename themselves", "PATCH", fmt.Sprintf("/api/v1/users/%d", f.users["sysadmin"]), `{"display_name":"改名"}`},
			} {
				before := f.auditCount(t)
				if code, body := f.send(t, "sysadmin", c.method, c.path, c.body); code != 403 {
					t.Errorf("as sysadmin, %s = %d %s, want 403", c.name, code, body)
				}
				if after := f.auditCount(t); after != before {
					t.Errorf("as sysadmin, %s was refused but recorded %d changes", c.name, after-before)
				}
			}
			u, _ := f.db.FindUserByID(context.Background(), 3)
			if ok, _ := auth.CheckPassword(u.PasswordHash, "Taken#Over99"); ok || u.Disabled || u.Role != authz.AuditAdmin {
				t.Fatalf("user 3 was changed: %+v", u)
			}
			if code, _ := f.send(t, "auditor", "GET", "/api/v1/audit", ""); code != 200 {
				t.Errorf("the auditor reads the log = %d", code)
			}

			// The security administrator manages the other administrators'
			// credentials; the reset's audit entry says so, without the hash.
			if code, body := f.send(t, "secadmin", "PATCH", "/api/v1/users/3", `{"password":"Reset#ByThe5ec"}`); code != 200 {
				t.Fatalf("as secadmin, reset user 3's password = %d %s", code, body)
			}
			last, _, _ := f.db.FindAudit(context.Background(), records.AuditFilter{Limit: 1})
			var after map[string]any
			json.Unmarshal([]byte(last[0].After), &after)
			if last[0].Actor != "secadmin" || after["password"] != "reset" || strings.Contains(last[0].After, "argon2") {
				t.Errorf("the reset recorded as %s by %s: %s", last[0].Action, last[0].Actor, last[0].After)
			}
			if code, _ := f.send(t, "auditor", "GET", "/api/v1/audit", ""); code != 401 {
				t.Errorf("the auditor's token after the reset = %d, want 401", code)
			}
		})
	}
}

// TestEnablingRevivesNoToken: a token of a disabled account stays dead
// when the account is enabled again.
func TestEnablingRevivesNoToken(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := adminsFixture(t, kind)
			path := fmt.Sprintf("/api/v1/users/%d", f.users["lingdao"])
			if code, _ := f.send(t, "lingdao", "GET", "/api/v1/me", ""); code != 200 {
				t.Fatalf("the leader's token before = %d", code)
			}
			for _, body := range []string{`{"disabled":true}`, `{"disabled":false}`} {
				if code, b := f.send(t, "sysadmin", "PATCH", path, body); code != 200 {
					t.Fatalf("%s = %d %s", body, code, b)
				}
			}
			if code, _ := f.send(t, "lingdao", "GET", "/api/v1/me", ""); code != 401 {
				t.Errorf("the leader's old token after disable and enable = %d, want 401", code)
			}
			if code, _ := f.login(t, "lingdao", "Fixture#Pass1"); code != 201 {
				t.Errorf("signing in again after enable = %d", code)
			}
		})
	}
}

// TestOneTimePasswordMustBeChanged: an account made with a one-time
// password signs in, but its token can do nothing but change the password
// (403 password_change_required, signing out aside); the old password is
// checked, a reused one refused; afterwards the token works and every
// other token of the account has ended.
func TestOneTimePasswordMustBeChanged(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := adminsFixture(t, kind)
			code, body := f.send(t, "secadmin", "POST", "/api/v1/users", `{"username":"shenji","display_name":"审计员","role":"auditadmin"}`)
			var created struct {
				Password string `json:"password"`
			}
			json.Unmarshal([]byte(body), &created)
			if code != 201 || created.Password == "" {
				t.Fatalf("as secadmin, create an auditadmin = %d %s", code, body)
			}
			code, token := f.login(t, "shenji", created.Password)
			if code != 201 {
				t.Fatalf("sign in with the one-time password = %d", code)
			}
			_, other := f.login(t, "shenji", created.Password)
			f.tokens["shenji"], f.tokens["shenji-elsewhere"] = token, other
			for _, path := range []string{"/api/v1/audit", "/api/v1/me", "/api/v1/users"} {
				code, body := f.send(t, "shenji", "GET", path, "")
				var e struct {
					Error struct{ Code, Message string } `json:"error"`
				}
				json.Unmarshal([]byte(body), &e)
				if code != 403 || e.Error.Code != "password_change_required" || e.Error.Message == "" {
					t.Errorf("GET %s before the change = %d %s", path, code, body)
				}
			}
			for _, c := range []struct{ body, field string }{
				{fmt.Sprintf(`{"old":"Wrong#Pass1","new":%q}`, "Mine#Own2026"), "old"},
				{fmt.Sprintf(`{"old":%q,"new":%q}`, created.Password, created.Password), "new"},
				{fmt.Sprintf(`{"old":%q,"new":"short"}`, created.Password), "new"},
			} {
				if code, body := f.send(t, "shenji", "PUT", "/api/v1/me/password", c.body); code != 422 || !strings.Contains(body, `"field":"`+c.field+`"`) {
					t.Errorf("PUT %s = %d %s, want 422 at %s", c.body, code, body, c.field)
				}
			}
			if code, body := f.send(t, "shenji", "PUT", "/api/v1/me/password", fmt.Sprintf(`{"old":%q,"new":"Mine#Own2026"}`, created.Password)); code != 204 {
				t.Fatalf("change the password = %d %s", code, body)
			}
			if code, _ := f.send(t, "shenji", "GET", "/api/v1/audit", ""); code != 200 {
				t.Errorf("GET /api/v1/audit after the change = %d", code)
			}
			if code, _ := f.send(t, "shenji-elsewhere", "GET", "/api/v1/me", ""); code != 401 {
				t.Errorf("the account's other token after the change = %d, want 401", code)
			}
			if code, _ := f.login(t, "shenji", "Mine#Own2026"); code != 201 {
				t.Errorf("sign in with the new password = %d", code)
			}
		})
	}
}
