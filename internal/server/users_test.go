package server

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestAccountRulesThroughTheAPI: the API keeps the rules the pages keep,
// because both call adminsvc: an administrator cannot disable their own
// account (the API let them, and so lock themselves out), nobody grants
// to themselves, a role can be taken away, and an account can be created
// with a one-time password or a role of the other administrators.
func TestAccountRulesThroughTheAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			self := fmt.Sprintf("/api/v1/users/%d", f.users["sysadmin"])
			if code, body := f.send(t, "sysadmin", "PATCH", self, `{"disabled":true}`); code != 403 || !strings.Contains(body, "forbidden") {
				t.Errorf("disable yourself = %d %s, want 403", code, body)
			}
			if u, _ := f.db.FindUserByID(context.Background(), f.users["sysadmin"]); u.Disabled {
				t.Fatal("the system administrator disabled themselves through the API")
			}
			if code, _ := f.send(t, "sysadmin", "PATCH", self, `{"display_name":"系统管理员"}`); code != 200 {
				t.Errorf("rename yourself = %d, want 200", code)
			}

			grantSelf := fmt.Sprintf("/api/v1/users/%d/grant", f.users["secadmin"])
			if code, _ := f.send(t, "secadmin", "PUT", grantSelf, `{"role":"office"}`); code != 403 {
				t.Errorf("grant to yourself = %d, want 403", code)
			}
			revoke := fmt.Sprintf("/api/v1/users/%d/grant", f.bystander)
			if code, _ := f.send(t, "secadmin", "PUT", revoke, `{"units":[]}`); code != 422 {
				t.Errorf("a grant without a role = %d, want 422", code)
			}
			code, body := f.send(t, "secadmin", "PUT", revoke, `{"role":""}`)
			var u struct {
				Role      string `json:"role"`
				RoleLabel string `json:"role_label"`
			}
			json.Unmarshal([]byte(body), &u)
			if code != 200 || u.Role != "" || u.RoleLabel != "未分配角色" {
				t.Errorf("revoke a role = %d %s", code, body)
			}

			code, body = f.send(t, "sysadmin", "POST", "/api/v1/users", `{"username":"shenji","display_name":"审计员","role":"auditadmin"}`)
			var created struct {
				Role     string `json:"role"`
				Password string `json:"password"`
			}
			json.Unmarshal([]byte(body), &created)
			if code != 201 || created.Role != "auditadmin" || created.Password == "" {
				t.Errorf("create with a one-time password = %d %s", code, body)
			}
			if code, token := f.login(t, "shenji", created.Password); code != 201 || token == "" {
				t.Errorf("sign in with the one-time password = %d", code)
			}
			if code, body := f.send(t, "sysadmin", "POST", "/api/v1/users", `{"username":"ducha2","role":"office"}`); code != 422 ||
				!strings.Contains(body, `"field":"role","label":"角色"`) {
				t.Errorf("create with a business role = %d %s, want 422 at the role", code, body)
			}
		})
	}
}

// TestAuditExportThroughTheAPI: the API's export is the service's, so it
// is recorded with its filter and count, carries every entry oldest
// first with its hash, and words its head in the caller's language.
func TestAuditExportThroughTheAPI(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			ctx := context.Background()
			_, n, _ := f.db.FindAudit(ctx, records.AuditFilter{Action: "user."})
			code, body := f.send(t, "auditadmin", "GET", "/api/v1/audit/export.csv?action=user.", "")
			if code != 200 {
				t.Fatalf("export = %d %s", code, body)
			}
			lines := strings.Split(strings.TrimSpace(body), "\n")
			if lines[0] != "\ufeff序号,时间,操作人,来源IP,操作,对象类型,对象,变更前,变更后,哈希" || len(lines) != n+1 {
				t.Errorf("export of %d entries:\n%s", n, body)
			}
			entries, _, _ := f.db.FindAudit(ctx, records.AuditFilter{Action: "user.", Limit: n})
			if oldest := entries[len(entries)-1]; !strings.HasPrefix(lines[1], fmt.Sprint(oldest.Seq)+",") || !strings.HasSuffix(lines[1], oldest.Hash) {
				t.Errorf("first row %q, want entry %d with its hash", lines[1], oldest.Seq)
			}
			last, _, _ := f.db.FindAudit(ctx, records.AuditFilter{Limit: 1})
			if last[0].Action != "audit.export" || !strings.Contains(last[0].After, fmt.Sprintf(`"entries":%d`, n)) ||
				!strings.Contains(last[0].After, `"action":"user."`) {
				t.Errorf("export recorded as %+v", last[0])
			}
			if code, _ := f.send(t, "sysadmin", "GET", "/api/v1/audit/export.csv", ""); code != 403 {
				t.Errorf("export as the system administrator = %d, want 403", code)
			}
		})
	}
}
