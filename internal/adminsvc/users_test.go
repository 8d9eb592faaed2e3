package adminsvc

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestNobodyDisablesThemselves: the system administrator disables and
// enables others, never their own account (whichever adapter asks): it
// would lock them out with nobody to let them in; and nobody acts on
// their own account through administration at all, not even a no-op.
func TestNobodyDisablesThemselves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		sys, on, off := f.who["sysadmin"], true, false
		if _, err := f.svc.UpdateUser(ctx, sys, f.actor("sysadmin"), sys.UserID, UserChange{Disabled: &on}); refusal(err) != "forbidden error.own_account" {
			t.Errorf("disabling yourself: %v", err)
		}
		if u, _ := db.FindUserByID(ctx, sys.UserID); u.Disabled {
			t.Error("the system administrator disabled themselves")
		}
		if _, err := f.svc.UpdateUser(ctx, sys, f.actor("sysadmin"), sys.UserID, UserChange{Disabled: &off}); refusal(err) != "forbidden error.own_account" {
			t.Errorf("enabling yourself: %v", err)
		}
		other := f.who["bystander"].UserID
		a, err := f.svc.UpdateUser(ctx, sys, f.actor("sysadmin"), other, UserChange{Disabled: &on})
		if err != nil || !a.Disabled {
			t.Errorf("disabling another: %+v %v", a, err)
		}
	})
}

// TestGrantRules: the security administrator grants a valid role, a
// liaison with registered units only, takes a role away with role "",
// and never grants to themselves.
func TestGrantRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		sec, actor, target := f.who["secadmin"], f.actor("secadmin"), f.who["bystander"].UserID
		for _, c := range []struct {
			name  string
			id    int64
			role  authz.Role
			units []int64
			want  string
		}{
			{"to yourself", sec.UserID, authz.Office, nil, "forbidden error.self_grant"},
			{"taking your own role away", sec.UserID, "", nil, "forbidden error.self_grant"},
			{"an unknown role", target, "superuser", nil, "invalid role=error.role_invalid"},
			{"a liaison without units", target, authz.Liaison, nil, "invalid units=error.units_required"},
			{"a liaison of an unknown unit", target, authz.Liaison, []int64{f.unitA, 999}, "invalid units=error.unit_not_found"},
		} {
			if _, err := f.svc.Grant(ctx, sec, actor, c.id, c.role, c.units); refusal(err) != c.want {
				t.Errorf("grant %s: %v, want %s", c.name, err, c.want)
			}
		}
		a, err := f.svc.Grant(ctx, sec, actor, target, authz.Liaison, []int64{f.unitB})
		if err != nil || a.Role != authz.Liaison || !slices.Equal(a.Units, []int64{f.unitB}) || !slices.Equal(a.UnitNames, []string{"市财政局"}) {
			t.Errorf("grant liaison: %+v %v", a, err)
		}
		// Units go with the liaison role: an office account answers for none.
		if a, err = f.svc.Grant(ctx, sec, actor, target, authz.Office, []int64{f.unitA}); err != nil || len(a.Units) != 0 {
			t.Errorf("grant office: %+v %v", a, err)
		}
		// Revoking: role "" leaves the account with no role.
		if a, err = f.svc.Grant(ctx, sec, actor, target, "", nil); err != nil || a.Role != "" {
			t.Errorf("revoke: %+v %v", a, err)
		}
		entries, _, _ := db.FindAudit(ctx, records.AuditFilter{Action: "user.grant"})
		if len(entries) != 3 {
			t.Errorf("%d grants in the log, want 3", len(entries))
		}
	})
}

// TestCreateUser: an account is made with a one-time password (returned
// once, meeting the rules) or with the caller's, checked by the policy;
// the system administrator gives no role at all and the security
// administrator only an administrator's; the user name is well formed
// and not taken.
func TestCreateUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		sys, actor := f.who["sysadmin"], f.actor("sysadmin")
		for _, c := range []struct {
			in   NewUser
			want string
		}{
			{NewUser{Username: "zhang", Password: "short"}, "invalid password=" + auth.PwTooShort},
			{NewUser{Username: "zhang", Password: "zhang#Pass99"}, "invalid password=" + auth.PwHasUsername},
			{NewUser{Username: "zhang", Role: authz.Office}, "invalid role=error.role_not_allowed"},
			{NewUser{Username: "zhang", Role: authz.SysAdmin}, "forbidden error.admin_account_secadmin"},
			{NewUser{Username: "zhang", Role: authz.AuditAdmin}, "forbidden error.admin_account_secadmin"},
			{NewUser{Username: "张三"}, "invalid username=error.username_invalid"},
			{NewUser{Username: "  "}, "invalid username=error.required"},
			{NewUser{Username: "leader"}, "conflict username=error.username_taken"},
		} {
			if _, _, err := f.svc.CreateUser(ctx, sys, actor, c.in); refusal(err) != c.want {
				t.Errorf("create %+v: %v, want %s", c.in, err, c.want)
			}
		}

		if _, _, err := f.svc.CreateUser(ctx, f.who["secadmin"], f.actor("secadmin"), NewUser{Username: "zhang", Role: authz.Office}); refusal(err) != "invalid role=error.role_not_allowed" {
			t.Errorf("the security administrator creates an office account: %v", err)
		}
		a, oneTime, err := f.svc.CreateUser(ctx, f.who["secadmin"], f.actor("secadmin"), NewUser{Username: "zhang", DisplayName: " 张三 ", Role: authz.AuditAdmin})
		if err != nil || a.Role != authz.AuditAdmin || a.DisplayName != "张三" {
			t.Fatalf("create with a one-time password: %+v %v", a, err)
		}
		if key := auth.DefaultPolicy.CheckRules("zhang", oneTime); oneTime == "" || key != "" {
			t.Errorf("one-time password %q breaks %q", oneTime, key)
		}
		u, _ := db.FindUserByID(ctx, a.ID)
		if ok, _ := auth.CheckPassword(u.PasswordHash, oneTime); !ok || !u.MustChangePassword {
			t.Errorf("the one-time password opens the account: %v; must be changed: %v", ok, u.MustChangePassword)
		}

		a, oneTime, err = f.svc.CreateUser(ctx, sys, actor, NewUser{Username: "li.si", Password: "Strong#Pass9"})
		if err != nil || oneTime != "" || a.Role != "" {
			t.Fatalf("create with a chosen password: %+v %q %v", a, oneTime, err)
		}
		u, _ = db.FindUserByID(ctx, a.ID)
		if ok, _ := auth.CheckPassword(u.PasswordHash, "Strong#Pass9"); !ok || u.MustChangePassword {
			t.Errorf("the chosen password opens the account: %v; must be changed: %v", ok, u.MustChangePassword)
		}
	})
}

// TestResetPassword: a reset sets a one-time password or the caller's,
// which must meet the rules; either way the account's sessions end.
func TestResetPassword(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		sys, actor, target := f.who["sysadmin"], f.actor("sysadmin"), f.who["bystander"].UserID
		if _, err := f.svc.ResetPassword(ctx, sys, actor, target, "alllowercase1"); refusal(err) != "invalid password="+auth.PwTooSimple {
			t.Errorf("a weak chosen password: %v", err)
		}
		weak := "short"
		if _, err := f.svc.UpdateUser(ctx, sys, actor, target, UserChange{Password: &weak}); refusal(err) != "invalid password="+auth.PwTooShort {
			t.Errorf("a weak password through UpdateUser: %v", err)
		}
		before, _ := db.FindUserByID(ctx, target)
		oneTime, err := f.svc.ResetPassword(ctx, sys, actor, target, "")
		if err != nil || oneTime == "" {
			t.Fatalf("reset to a one-time password: %q %v", oneTime, err)
		}
		after, _ := db.FindUserByID(ctx, target)
		if ok, _ := auth.CheckPassword(after.PasswordHash, oneTime); !ok || !after.SessionsValidAfter.After(before.SessionsValidAfter) {
			t.Errorf("one-time password opens: %v; sessions ended: %v", ok, after.SessionsValidAfter.After(before.SessionsValidAfter))
		}
		if oneTime, err = f.svc.ResetPassword(ctx, sys, actor, target, "Chosen#Pass7"); err != nil || oneTime != "" {
			t.Errorf("reset to a chosen password: %q %v", oneTime, err)
		}
		after, _ = db.FindUserByID(ctx, target)
		if ok, _ := auth.CheckPassword(after.PasswordHash, "Chosen#Pass7"); !ok {
			t.Error("the chosen password does not open the account")
		}
	})
}

// TestSignOutEverywhere: anyone ends their own sessions; only the system
// administrator ends someone else's.
func TestSignOutEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		liaison := f.who["liaison"]
		if err := f.svc.LogoutEverywhere(ctx, liaison, f.actor("liaison"), liaison.UserID); err != nil {
			t.Errorf("your own: %v", err)
		}
		if err := f.svc.LogoutEverywhere(ctx, liaison, f.actor("liaison"), f.who["leader"].UserID); !errors.Is(err, fault.ErrForbidden) {
			t.Errorf("someone else's: %v", err)
		}
		if err := f.svc.LogoutEverywhere(ctx, f.who["sysadmin"], f.actor("sysadmin"), 9999); !errors.Is(err, fault.ErrNotFound) {
			t.Errorf("nobody's: %v", err)
		}
	})
}
