package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store/storetest"
)

func (f *fixture) login(t *testing.T, username, password string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("POST", "/api/v1/auth/token", strings.NewReader(fmt.Sprintf(`{"username":%q,"password":%q}`, username, password)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, req)
	var body struct {
		Token string `json:"token"`
	}
	json.Unmarshal(rec.Body.Bytes(), &body)
	return rec.Code, body.Token
}

// TestSignInLockoutAndRevocation: a right password gives a token; five
// wrong ones lock the account (even the right password is then refused
// until the security administrator unlocks it), and the lock answers as a
// wrong password and an unknown user do (401, never 423, which would
// tell that the account exists); signing out revokes the token.
func TestSignInLockoutAndRevocation(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			code, token := f.login(t, "office", "Fixture#Pass1")
			if code != http.StatusCreated || token == "" {
				t.Fatalf("login = %d %q", code, token)
			}
			f.tokens["fresh"] = token
			if got := f.call(t, "fresh", "GET", "/api/v1/me", nil, ""); got != 200 {
				t.Fatalf("GET /me with the new token = %d", got)
			}
			if code, _ := f.login(t, "nobody", "Fixture#Pass1"); code != http.StatusUnauthorized {
				t.Errorf("unknown user = %d, want 401", code)
			}
			for i := 1; i <= 5; i++ {
				if code, _ := f.login(t, "office", "wrong-password"); code != http.StatusUnauthorized {
					t.Errorf("failure %d = %d, want 401", i, code)
				}
			}
			if code, _ := f.login(t, "office", "Fixture#Pass1"); code != http.StatusUnauthorized {
				t.Errorf("right password while locked = %d, want 401 as for a wrong one", code)
			}
			if got := f.call(t, "secadmin", "POST", fmt.Sprintf("/api/v1/users/%d/unlock", f.users["office"]), nil, ""); got != 200 {
				t.Fatalf("unlock = %d", got)
			}
			if code, _ := f.login(t, "office", "Fixture#Pass1"); code != http.StatusCreated {
				t.Errorf("after unlock = %d, want 201", code)
			}
			if got := f.call(t, "fresh", "POST", "/api/v1/auth/logout", nil, ""); got != http.StatusNoContent {
				t.Fatalf("logout = %d", got)
			}
			if got := f.call(t, "fresh", "GET", "/api/v1/me", nil, ""); got != http.StatusUnauthorized {
				t.Errorf("revoked token still works: %d", got)
			}
		})
	}
}

func TestPasswordRulesEnforced(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			// A weak password is a problem at the password field: 422.
			for pw, want := range map[string]int{"short": 422, "alllowercase1": 422, "newcomerABC123!": 422, "Strong#Pass9": 201} {
				body := strings.NewReader(fmt.Sprintf(`{"username":"newcomer","password":%q}`, pw))
				if got := f.call(t, "sysadmin", "POST", "/api/v1/users", body, "application/json"); got != want {
					t.Errorf("create user with password %q = %d, want %d", pw, got, want)
				}
			}
		})
	}
}

// TestNoMarkupInjection: text that a user or a document supplies comes
// back escaped in JSON, so a browser that opens the response runs nothing.
func TestNoMarkupInjection(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			body := strings.NewReader(`{"name":"<script>alert(1)</script>","kind":"other"}`)
			req := httptest.NewRequest("POST", "/api/v1/units", body)
			req.Header.Set("Authorization", "Bearer "+f.tokens["office"])
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			f.srv.ServeHTTP(rec, req)
			if rec.Code != 201 || strings.Contains(rec.Body.String(), "<script>") {
				t.Errorf("unit name echoed raw: %d %s", rec.Code, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("headers %v", rec.Header())
			}
		})
	}
}
