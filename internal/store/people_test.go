package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
)

var office = audit.Actor{ID: 1, Username: "office", IP: "127.0.0.1"}

func TestUnitsRegistry(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		city, err := db.CreateUnit(ctx, office, UnitCreate{Name: "嘉兴市人民政府", Kind: UnitCity})
		if err != nil {
			t.Fatal(err)
		}
		law, err := db.CreateUnit(ctx, office, UnitCreate{Name: "市政府法制办公室", Kind: UnitDepartment, ParentID: city.ID, Aliases: []string{"市法制办"}})
		if err != nil {
			t.Fatal(err)
		}
		if law.ParentID != city.ID || len(law.Aliases) != 1 {
			t.Fatalf("created %+v", law)
		}
		if _, err := db.CreateUnit(ctx, office, UnitCreate{Name: "市政府法制办公室", Kind: UnitDepartment}); !errors.Is(err, ErrConflict) {
			t.Errorf("duplicate name gave %v", err)
		}
		if _, err := db.CreateUnit(ctx, office, UnitCreate{Name: "别名冲突", Kind: UnitOther, Aliases: []string{"市法制办"}}); !errors.Is(err, ErrConflict) {
			t.Errorf("duplicate alias gave %v", err)
		}
		if _, err := db.UpdateUnit(ctx, office, city.ID, UnitUpdate{ParentID: &law.ID}); !errors.Is(err, ErrInvalid) {
			t.Errorf("cycle gave %v", err)
		}
		units, err := db.FindUnits(ctx)
		if err != nil || len(units) != 2 {
			t.Fatalf("FindUnits = %v, %v", units, err)
		}
	})
}

func TestImportLinksTaskUnits(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		law, _ := db.CreateUnit(ctx, office, UnitCreate{Name: "市政府法制办公室", Kind: UnitDepartment, Aliases: []string{"市法制办"}})
		counties, _ := db.CreateUnit(ctx, office, UnitCreate{Name: "各县（市、区）政府", Kind: UnitGroup})
		plan := &plandoc.Plan{Title: "方案", Year: 2018, Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "完善行政决策机制", Units: []string{"市法制办", "各县〔市、区〕政府"}},
			{Path: []string{"2"}, Title: "改革政府机构设置", Units: []string{"市编委办"}},
		}}
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "a.txt", SourceSHA256: sha("a"), Format: "text", Plan: plan, Actor: office})
		if err != nil {
			t.Fatal(err)
		}
		tasks, total, err := db.FindTasks(ctx, TaskFilter{PlanID: id})
		if err != nil || total != 2 {
			t.Fatalf("FindTasks = %d, %v", total, err)
		}
		if got := tasks[0].UnitIDs; len(got) != 2 || got[0] != law.ID || got[1] != counties.ID {
			t.Errorf("task 1 linked to %v, want [%d %d]", got, law.ID, counties.ID)
		}
		if len(tasks[1].UnitIDs) != 0 {
			t.Errorf("task 2 linked to %v before 市编委办 exists", tasks[1].UnitIDs)
		}
		bianwei, _ := db.CreateUnit(ctx, office, UnitCreate{Name: "市编委办", Kind: UnitOffice})
		task2, err := db.FindTaskByID(ctx, tasks[1].ID)
		if err != nil || len(task2.UnitIDs) != 1 || task2.UnitIDs[0] != bianwei.ID {
			t.Errorf("after registering 市编委办 task 2 links %v, %v", task2, err)
		}
		// A liaison's scope, the unit filter and the text search.
		for _, c := range []struct {
			f    TaskFilter
			want int
		}{
			{TaskFilter{Scoped: true, ScopeUnits: []int64{law.ID}}, 1},
			{TaskFilter{Scoped: true}, 0},
			{TaskFilter{UnitID: bianwei.ID}, 1},
			{TaskFilter{Q: "决策"}, 1},
			{TaskFilter{Q: "100%"}, 0},
			{TaskFilter{Limit: 1, Offset: 1}, 2},
		} {
			got, total, err := db.FindTasks(ctx, c.f)
			if err != nil || total != c.want {
				t.Errorf("FindTasks(%+v) total = %d (%d items), %v; want %d", c.f, total, len(got), err, c.want)
			}
		}
	})
}

func TestUsersAndSessions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, office, UserCreate{Username: "liaison1", DisplayName: "张三", PasswordHash: "h1"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateUser(ctx, office, UserCreate{Username: "liaison1", PasswordHash: "h"}); !errors.Is(err, ErrConflict) {
			t.Errorf("duplicate username gave %v", err)
		}
		unit, _ := db.CreateUnit(ctx, office, UnitCreate{Name: "市财政局", Kind: UnitDepartment})
		u, err = db.GrantUser(ctx, office, u.ID, UserGrant{Role: authz.Liaison, Units: []int64{unit.ID}})
		if err != nil || u.Role != authz.Liaison || len(u.Units) != 1 {
			t.Fatalf("grant = %+v, %v", u, err)
		}
		if err := db.CreateSession(ctx, office, Session{TokenHash: "tok", UserID: u.ID, Kind: SessionWeb, ExpiresAt: testNow.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		s, su, err := db.FindSession(ctx, "tok")
		if err != nil || s.UserID != u.ID || su.Principal().Role != authz.Liaison {
			t.Fatalf("FindSession = %+v %+v %v", s, su, err)
		}
		// A password change voids older sessions (sessions_valid_after moves).
		later := "h2"
		db.now = func() time.Time { return testNow.Add(time.Minute) }
		if _, err := db.UpdateUser(ctx, office, u.ID, UserUpdate{PasswordHash: &later}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.FindSession(ctx, "tok"); !errors.Is(err, ErrNotFound) {
			t.Errorf("session survived a password reset: %v", err)
		}
		// Lockout state.
		if err := db.RecordLogin(ctx, office, u.ID, false, testNow.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		u, _ = db.FindUserByID(ctx, u.ID)
		if u.FailedLogins != 1 || !u.Locked(testNow) {
			t.Errorf("after a failed login: %d failures, locked %v", u.FailedLogins, u.Locked(testNow))
		}
		if u, _ = db.UnlockUser(ctx, office, u.ID); u.Locked(testNow) || u.FailedLogins != 0 {
			t.Errorf("unlock left %+v", u)
		}
	})
}

func TestEveryChangeAudited(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		unit, _ := db.CreateUnit(ctx, office, UnitCreate{Name: "市财政局", Kind: UnitDepartment})
		name := "市财政局（地税局）"
		if _, err := db.UpdateUnit(ctx, office, unit.ID, UnitUpdate{Name: &name}); err != nil {
			t.Fatal(err)
		}
		u, _ := db.CreateUser(ctx, office, UserCreate{Username: "x", PasswordHash: "secret-hash"})
		if _, err := db.GrantUser(ctx, office, u.ID, UserGrant{Role: authz.Office}); err != nil {
			t.Fatal(err)
		}
		entries, total, err := db.FindAudit(ctx, AuditFilter{})
		if err != nil || total != 4 {
			t.Fatalf("audit has %d entries, %v", total, err)
		}
		want := []string{"user.grant", "user.create", "unit.update", "unit.create"}
		for i, e := range entries {
			if e.Action != want[i] || e.Actor != "office" || e.IP != "127.0.0.1" {
				t.Errorf("entry %d = %s by %s from %s", i, e.Action, e.Actor, e.IP)
			}
		}
		if entries[2].Before == "" || entries[2].After == "" {
			t.Errorf("unit.update lacks before/after: %+v", entries[2])
		}
		for _, e := range entries {
			if strings.Contains(e.Before, "secret-hash") || strings.Contains(e.After, "secret-hash") {
				t.Errorf("password hash in the audit log: %+v", e)
			}
		}
		n, problems, err := db.VerifyAudit(ctx)
		if err != nil || n != 4 || len(problems) != 0 {
			t.Errorf("VerifyAudit = %d, %v, %v", n, problems, err)
		}
		// Append-only inside duban.
		if _, err := db.write.ExecContext(ctx, `DELETE FROM audit_log WHERE seq = 1`); err == nil {
			t.Error("deleting an audit entry was allowed")
		}
	})
}
