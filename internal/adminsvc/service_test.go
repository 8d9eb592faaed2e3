package adminsvc

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

// fixtureHash is computed once: argon2id is slow on purpose.
var fixtureHash, _ = auth.HashPassword("Fixture#Pass1")

// fixture is the service over a fresh database holding one account of
// each role (liaison bound to unit A), a leader to act on, and two units.
type fixture struct {
	db    *store.DB
	svc   *Service
	who   map[string]authz.Principal
	unitA int64
	unitB int64
}

var roles = map[string]authz.Role{"sysadmin": authz.SysAdmin, "secadmin": authz.SecAdmin, "auditadmin": authz.AuditAdmin,
	"office": authz.Office, "liaison": authz.Liaison, "leader": authz.Leader, "bystander": authz.Leader}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{db: db, svc: &Service{Store: db, Policy: auth.DefaultPolicy, Now: time.Now}, who: map[string]authz.Principal{}}
	a, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市财政局", Kind: records.UnitDepartment, ParentID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	f.unitA, f.unitB = a.ID, b.ID
	for name, role := range roles {
		var units []int64
		if role == authz.Liaison {
			units = []int64{a.ID}
		}
		u, err := db.CreateUser(ctx, audit.System, records.UserCreate{Username: name, DisplayName: name, PasswordHash: fixtureHash,
			Role: role, Units: units})
		if err != nil {
			t.Fatal(err)
		}
		f.who[name] = u.Principal()
	}
	return f
}

// actor is the audit actor of the named account.
func (f *fixture) actor(name string) audit.Actor {
	return audit.Actor{ID: f.who[name].UserID, Username: name}
}

// refusal is err's code and, if it has one, its key or its one field's
// key ("invalid name=error.required"), for comparing; "" for no error.
func refusal(err error) string {
	if err == nil {
		return ""
	}
	e := fault.As(err)
	if e == nil {
		return "internal: " + err.Error()
	}
	s := string(e.Code)
	if e.Key != "" {
		s += " " + e.Key
	}
	for k, v := range e.Fields {
		s += " " + k + "=" + v
	}
	return s
}

// TestThreeAdminsApart: each administration use case is open to exactly
// the roles 三员分立 gives it, refused to every other role, and to nobody
// as unauthenticated; a refused call writes nothing to the audit log.
func TestThreeAdminsApart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		target := f.who["bystander"].UserID
		name := "改名"
		cases := []struct {
			name    string
			allowed []string
			call    func(p authz.Principal, a audit.Actor) error
		}{
			{"list users", []string{"sysadmin", "secadmin"}, func(p authz.Principal, _ audit.Actor) error {
				_, err := f.svc.Users(ctx, p)
				return err
			}},
			{"read a user", []string{"sysadmin", "secadmin"}, func(p authz.Principal, _ audit.Actor) error {
				_, err := f.svc.User(ctx, p, target)
				return err
			}},
			{"create a user", []string{"sysadmin"}, func(p authz.Principal, a audit.Actor) error {
				_, _, err := f.svc.CreateUser(ctx, p, a, NewUser{Username: "new-" + p.Username, Password: "Strong#Pass9"})
				return err
			}},
			{"rename a user", []string{"sysadmin"}, func(p authz.Principal, a audit.Actor) error {
				_, err := f.svc.UpdateUser(ctx, p, a, target, UserChange{DisplayName: &name})
				return err
			}},
			{"reset a password", []string{"sysadmin"}, func(p authz.Principal, a audit.Actor) error {
				_, err := f.svc.ResetPassword(ctx, p, a, target, "")
				return err
			}},
			{"grant a role", []string{"secadmin"}, func(p authz.Principal, a audit.Actor) error {
				_, err := f.svc.Grant(ctx, p, a, target, authz.Office, nil)
				return err
			}},
			{"unlock", []string{"secadmin"}, func(p authz.Principal, a audit.Actor) error {
				_, err := f.svc.Unlock(ctx, p, a, target)
				return err
			}},
			{"sign someone out everywhere", []string{"sysadmin"}, func(p authz.Principal, a audit.Actor) error {
				return f.svc.LogoutEverywhere(ctx, p, a, target)
			}},
			{"list units", []string{"sysadmin", "secadmin", "office", "liaison", "leader"}, func(p authz.Principal, _ audit.Actor) error {
				_, err := f.svc.Units(ctx, p)
				return err
			}},
			{"create a unit", []string{"sysadmin", "office"}, func(p authz.Principal, a audit.Actor) error {
				_, err := f.svc.CreateUnit(ctx, p, a, records.UnitCreate{Name: "新单位-" + p.Username})
				return err
			}},
			{"update a unit", []string{"sysadmin", "office"}, func(p authz.Principal, a audit.Actor) error {
				email := "fzb@example.gov.cn"
				_, err := f.svc.UpdateUnit(ctx, p, a, f.unitA, records.UnitUpdate{Email: &email})
				return err
			}},
			{"read the audit log", []string{"auditadmin"}, func(p authz.Principal, _ audit.Actor) error {
				_, _, err := f.svc.Audit(ctx, p, records.AuditFilter{})
				return err
			}},
			{"verify the audit log", []string{"auditadmin"}, func(p authz.Principal, _ audit.Actor) error {
				_, _, err := f.svc.VerifyAudit(ctx, p)
				return err
			}},
			{"export the audit log", []string{"auditadmin"}, func(p authz.Principal, a audit.Actor) error {
				return f.svc.ExportAudit(ctx, p, a, records.AuditFilter{}, func(audit.Entry) error { return nil })
			}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if err := c.call(authz.Principal{}, audit.Actor{}); !errors.Is(err, fault.ErrUnauthenticated) {
					t.Errorf("nobody: %v, want unauthenticated", err)
				}
				for _, name := range []string{"sysadmin", "secadmin", "auditadmin", "office", "liaison", "leader"} {
					before, _, _ := db.FindAudit(ctx, records.AuditFilter{Limit: 1})
					err := c.call(f.who[name], f.actor(name))
					after, _, _ := db.FindAudit(ctx, records.AuditFilter{Limit: 1})
					switch allowed := contains(c.allowed, name); {
					case allowed && err != nil:
						t.Errorf("%s: %v, want allowed", name, err)
					case !allowed && !errors.Is(err, fault.ErrForbidden):
						t.Errorf("%s: %v, want forbidden", name, err)
					case !allowed && after[0].Seq != before[0].Seq:
						t.Errorf("%s was refused but the log grew: %s", name, after[0].Action)
					}
				}
			})
		}
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
