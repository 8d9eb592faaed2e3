package adminsvc

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestSeparationMatrix is 三员分立 as a matrix: every account action, on
// an ordinary account, on each kind of administrator's account and on the
// caller's own, by every role. Exactly the listed roles get through; the
// others are refused and leave no audit entry.
func TestSeparationMatrix(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		targets := map[string]int64{"ordinary": f.who["bystander"].UserID}
		for _, role := range []authz.Role{authz.SysAdmin, authz.SecAdmin, authz.AuditAdmin} {
			u, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "other-" + string(role), PasswordHash: fixtureHash, Role: role})
			if err != nil {
				t.Fatal(err)
			}
			targets["another "+string(role)] = u.ID
		}
		on, off, name := true, false, "改名"
		type action func(p authz.Principal, a audit.Actor, id int64) error
		actions := map[string]action{
			"rename": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.UpdateUser(ctx, p, a, id, UserChange{DisplayName: &name})
				return err
			},
			"reset the password": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.ResetPassword(ctx, p, a, id, "")
				return err
			},
			"set a password": func(p authz.Principal, a audit.Actor, id int64) error {
				pw := "Chosen#Pass7"
				_, err := f.svc.UpdateUser(ctx, p, a, id, UserChange{Password: &pw})
				return err
			},
			"disable": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.UpdateUser(ctx, p, a, id, UserChange{Disabled: &on})
				return err
			},
			"enable": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.UpdateUser(ctx, p, a, id, UserChange{Disabled: &off})
				return err
			},
			"unlock": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.Unlock(ctx, p, a, id)
				return err
			},
			"sign out everywhere": func(p authz.Principal, a audit.Actor, id int64) error {
				return f.svc.LogoutEverywhere(ctx, p, a, id)
			},
			"reset the second factor": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.ResetTOTP(ctx, p, a, id)
				return err
			},
			"grant office": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.Grant(ctx, p, a, id, authz.Office, nil)
				return err
			},
			"grant auditadmin": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.Grant(ctx, p, a, id, authz.AuditAdmin, nil)
				return err
			},
			"grant secadmin": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.Grant(ctx, p, a, id, authz.SecAdmin, nil)
				return err
			},
			"take the role away": func(p authz.Principal, a audit.Actor, id int64) error {
				_, err := f.svc.Grant(ctx, p, a, id, "", nil)
				return err
			},
		}
		sys, sec := []string{"sysadmin"}, []string{"secadmin"}
		everyone := []string{"sysadmin", "secadmin", "auditadmin", "office", "liaison", "leader"}
		// want[action][target] is who may; "own" is the caller's account.
		admin := func(ordinary []string) map[string][]string {
			return map[string][]string{"ordinary": ordinary, "another sysadmin": sec, "another secadmin": sec, "another auditadmin": sec}
		}
		want := map[string]map[string][]string{
			"rename":                  admin(sys),
			"reset the password":      admin(sys),
			"reset the second factor": admin(sys),
			"set a password":          admin(sys),
			"disable":                 admin(sys),
			"enable":                  admin(sys),
			"unlock":                  admin(sec),
			"sign out everywhere":     admin(sys),
			"grant office":            {"ordinary": sec},
			"take the role away":      {"ordinary": sec},
			"grant auditadmin":        {},
			"grant secadmin":          {},
		}
		wantOwn := map[string][]string{"sign out everywhere": everyone}
		for _, act := range slices.Sorted(mapKeys(actions)) {
			for _, caller := range everyone {
				p, a := f.who[caller], f.actor(caller)
				ids := map[string]int64{"own": p.UserID}
				for k, v := range targets {
					ids[k] = v
				}
				for _, tgt := range slices.Sorted(mapKeys(ids)) {
					allowed := want[act][tgt]
					if tgt == "own" {
						allowed = wantOwn[act]
					}
					_, before, _ := db.FindAudit(ctx, records.AuditFilter{})
					err := actions[act](p, a, ids[tgt])
					_, after, _ := db.FindAudit(ctx, records.AuditFilter{})
					if slices.Contains(allowed, caller) {
						if err != nil {
							t.Errorf("%s as %s on %s: %v, want allowed", act, caller, tgt, err)
						} else if after != before+1 {
							t.Errorf("%s as %s on %s: %d audit entries, want 1", act, caller, tgt, after-before)
						}
						continue
					}
					if r := refusal(err); !strings.HasPrefix(r, "forbidden") {
						t.Errorf("%s as %s on %s: %q, want forbidden", act, caller, tgt, r)
					}
					if after != before {
						t.Errorf("%s as %s on %s was refused but left %d audit entries", act, caller, tgt, after-before)
					}
				}
			}
		}
	})
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestWhoCreatesWhom: the system administrator creates ordinary accounts
// and no administrator's; the security administrator creates
// administrators' accounts and no ordinary one; nobody else creates any.
func TestWhoCreatesWhom(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		want := map[authz.Role]string{"": "sysadmin", authz.SysAdmin: "secadmin", authz.SecAdmin: "secadmin", authz.AuditAdmin: "secadmin"}
		for _, role := range []authz.Role{"", authz.SysAdmin, authz.SecAdmin, authz.AuditAdmin} {
			for _, caller := range []string{"sysadmin", "secadmin", "auditadmin", "office", "liaison", "leader"} {
				name := fmt.Sprintf("n-%s-%s", caller, role)
				_, oneTime, err := f.svc.CreateUser(ctx, f.who[caller], f.actor(caller), NewUser{Username: name, Role: role})
				if caller == want[role] {
					if err != nil || oneTime == "" {
						t.Errorf("%s creating %q: %v", caller, role, err)
					}
					continue
				}
				if r := refusal(err); !strings.HasPrefix(r, "forbidden") {
					t.Errorf("%s creating %q: %q, want forbidden", caller, role, r)
				}
			}
		}
	})
}

// TestPasswordResetAudited: a reset's audit entry says that the password
// was reset and when, and must be changed at first use, and holds no hash.
func TestPasswordResetAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		target := f.who["bystander"].UserID
		if _, err := f.svc.ResetPassword(ctx, f.who["sysadmin"], f.actor("sysadmin"), target, ""); err != nil {
			t.Fatal(err)
		}
		last, _, _ := db.FindAudit(ctx, records.AuditFilter{Limit: 1})
		var before, after map[string]any
		json.Unmarshal([]byte(last[0].Before), &before)
		json.Unmarshal([]byte(last[0].After), &after)
		if after["password"] != "reset" || after["must_change_password"] != true || before["password_changed_at"] == after["password_changed_at"] {
			t.Errorf("the reset recorded as %s → %s", last[0].Before, last[0].After)
		}
		u, _ := db.FindUserByID(ctx, target)
		if strings.Contains(last[0].After, u.PasswordHash) || strings.Contains(last[0].After, "argon2") {
			t.Errorf("the reset's audit entry holds the hash: %s", last[0].After)
		}
	})
}

// TestEnableRevivesNoSession: disabling ends the account's sessions and
// tokens, so enabling it again leaves them ended.
func TestEnableRevivesNoSession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		target, sys, on, off := f.who["bystander"].UserID, f.who["sysadmin"], true, false
		hash := auth.TokenHash("a-token-of-the-bystander")
		if err := db.CreateSession(ctx, audit.System, records.Session{TokenHash: hash, UserID: target, Kind: records.SessionAPI,
			Name: "script", ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.FindSession(ctx, hash); err != nil {
			t.Fatalf("the token before: %v", err)
		}
		for _, d := range []*bool{&on, &off} {
			if _, err := f.svc.UpdateUser(ctx, sys, f.actor("sysadmin"), target, UserChange{Disabled: d}); err != nil {
				t.Fatal(err)
			}
		}
		if _, _, err := db.FindSession(ctx, hash); err == nil {
			t.Error("the token works again after the account was disabled and enabled")
		}
	})
}
