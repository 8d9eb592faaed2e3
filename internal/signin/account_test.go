package signin

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestFirstRunSetup: the link is live once; it makes the three
// administrators at once (三员), each meeting the rules every account
// meets: the system administrator with the chosen password, the security
// and audit administrators with one-time passwords they must change at
// first use; and the link is spent.
func TestFirstRunSetup(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := New(db, auth.DefaultPolicy)
		const token = "first-run-token"
		if err := db.CreateSetupToken(ctx, auth.TokenHash(token), time.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.CheckSetup(ctx, "another"); !errors.Is(err, fault.ErrNotFound) {
			t.Errorf("an unknown link: %v", err)
		}
		if err := s.CheckSetup(ctx, token); err != nil {
			t.Errorf("the live link: %v", err)
		}
		_, err := s.CompleteSetup(ctx, "10.0.0.1", token, Admin{Username: "管理员", Password: "short", SecAdmin: "安全"})
		if e := fault.As(err); e == nil || e.Fields["username"] != "error.username_invalid" || e.Fields["password"] != auth.PwTooShort ||
			e.Fields["secadmin_username"] != "error.username_invalid" {
			t.Errorf("a bad first account: %v", err)
		}
		_, err = s.CompleteSetup(ctx, "10.0.0.1", token, Admin{Username: "admin", Password: "Strong#Pass9", SecAdmin: "admin"})
		if e := fault.As(err); e == nil || e.Fields["username"] != "error.username_taken" {
			t.Errorf("the same name twice: %v", err)
		}
		made, err := s.CompleteSetup(ctx, "10.0.0.1", token, Admin{Username: "admin", DisplayName: "管理员", Password: "Strong#Pass9", AuditAdmin: "shenji"})
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.FindUserByUsername(ctx, "admin")
		if err != nil || u.Role != authz.SysAdmin || u.MustChangePassword {
			t.Errorf("the first account: %+v %v", u, err)
		}
		want := map[string]authz.Role{"secadmin": authz.SecAdmin, "shenji": authz.AuditAdmin}
		if len(made) != 2 {
			t.Fatalf("made %+v, want the security and audit administrators", made)
		}
		for _, a := range made {
			u, err := db.FindUserByUsername(ctx, a.Username)
			if err != nil || u.Role != want[a.Username] || a.Role != u.Role || !u.MustChangePassword {
				t.Errorf("%s: %+v %v", a.Username, u, err)
				continue
			}
			if ok, _ := auth.CheckPassword(u.PasswordHash, a.Password); !ok {
				t.Errorf("%s's one-time password does not open it", a.Username)
			}
		}
		if err := s.CheckSetup(ctx, token); !errors.Is(err, fault.ErrNotFound) {
			t.Errorf("the spent link: %v", err)
		}
		if _, err := s.CompleteSetup(ctx, "10.0.0.1", token, Admin{Username: "admin2", Password: "Strong#Pass9"}); !errors.Is(err, fault.ErrNotFound) {
			t.Errorf("setup through the spent link: %v", err)
		}
	})
}

// TestPrincipal: a page request's principal is read afresh, so a grant
// shows at once; a disabled or deleted account is nobody.
func TestPrincipal(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := New(db, auth.DefaultPolicy)
		unit, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: "lianluo", PasswordHash: "x", Role: authz.Leader})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.GrantUser(ctx, audit.System, u.ID, records.UserGrant{Role: authz.Liaison, Units: []int64{unit.ID}}); err != nil {
			t.Fatal(err)
		}
		p, err := s.Principal(ctx, u.ID)
		if err != nil || p.Role != authz.Liaison || !p.HasUnit(unit.ID) || p.Username != "lianluo" {
			t.Errorf("principal after a grant: %+v %v", p, err)
		}
		disabled := true
		if _, err := db.UpdateUser(ctx, audit.System, u.ID, records.UserUpdate{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Principal(ctx, u.ID); !errors.Is(err, fault.ErrUnauthenticated) {
			t.Errorf("a disabled account: %v", err)
		}
		if _, err := s.Principal(ctx, 9999); !errors.Is(err, fault.ErrUnauthenticated) {
			t.Errorf("no account: %v", err)
		}
	})
}
