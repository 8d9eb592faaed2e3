package cli

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// seedDemoPassDown passes down (分解下达), as the office, the registered
// tasks of every catch-all unit that stands for a group — the demo's
// 各县（市、区）政府 → 县市区 (seedDemoGroups) — so that each county holds
// its own sub-task of them and the 县市区 ranking has content. The plans
// are registered before the groups exist, hence this step; a plan
// registered later is passed down at 挂号. The task 市法制办 split itself
// (seedDemoSubtasks) is left as its liaison split it, so that its page
// shows the roll-up of that split.
func seedDemoPassDown(ctx context.Context, app *App, p authz.Principal, actor audit.Actor) error {
	reg, err := app.Store.FindUnits(ctx)
	if err != nil {
		return fmt.Errorf("demo pass down: %w", err)
	}
	for _, u := range reg {
		if u.MembersGroupID == 0 {
			continue
		}
		tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: u.ID, Registered: true, Limit: 500})
		if err != nil {
			return fmt.Errorf("demo pass down: %w", err)
		}
		ids := make([]int64, 0, len(tasks))
		for _, t := range tasks {
			kids, err := app.Store.FindSubtasks(ctx, t.ID)
			if err != nil {
				return fmt.Errorf("demo pass down: %w", err)
			}
			if len(kids) == 0 {
				ids = append(ids, t.ID)
			}
		}
		app.Subtasks.PassDownRegistered(ctx, p, actor, ids)
		if err := seedDemoMemberWork(ctx, app, u.MembersGroupID); err != nil {
			return err
		}
	}
	return nil
}

// seedDemoMemberWork has each member of a catch-all unit's group work on
// the sub-tasks passed down to it, each at its own pace — the first
// member closes none of its overdue ones and reports on one, the next
// closes one and reports on two, and so on round a short cycle — so that
// the group's ranking orders its members instead of placing them all
// first on nothing done. Each member reports through a liaison account
// of its own, made disabled: the demo's records name who reported, and
// nobody signs in as these accounts.
func seedDemoMemberWork(ctx context.Context, app *App, group int64) error {
	g, err := app.Store.FindUnitGroupByID(ctx, group)
	if err != nil {
		return fmt.Errorf("demo member work: %w", err)
	}
	ducha, err := app.Store.FindUserByUsername(ctx, "ducha") // the office verifies 销号
	if err != nil {
		return fmt.Errorf("demo member work: %w", err)
	}
	office := authz.Principal{UserID: ducha.ID, Username: ducha.Username, Role: authz.Office}
	officeA := audit.Actor{ID: ducha.ID, Username: ducha.Username}
	today := app.Ledger.Today()
	for i, member := range g.Members {
		unitP, unitA, err := demoMemberLiaison(ctx, app, member)
		if err != nil {
			return err
		}
		overdue, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: member, Registered: true, Sort: "due",
			DueTo: today.AddDate(0, 0, -1), Limit: 20})
		if err != nil {
			return fmt.Errorf("demo member work: %w", err)
		}
		closes, reports := min(i%4, len(overdue)), i%5+1
		for _, t := range overdue[:closes] {
			if _, err := app.Ledger.RequestClose(ctx, unitP, unitA, t.ID, demoClosing, nil); err != nil {
				return fmt.Errorf("demo member 销号: %w", err)
			}
			if _, err := app.Ledger.Decide(ctx, office, officeA, t.ID, true, ""); err != nil {
				return fmt.Errorf("demo member 销号: %w", err)
			}
		}
		for j, t := range overdue[closes:min(len(overdue), closes+reports)] {
			r := demoReports[j%len(demoReports)]
			percent := r.percent + float64(10*(i%3))
			if _, _, err := app.Ledger.Report(ctx, unitP, unitA, t.ID, ledgersvc.ReportInput{Text: r.text, Percent: &percent}); err != nil {
				return fmt.Errorf("demo member report: %w", err)
			}
		}
	}
	return nil
}

// demoMemberLiaison makes the disabled liaison account a group member
// reports through in the demo, with a password nobody knows.
func demoMemberLiaison(ctx context.Context, app *App, unitID int64) (authz.Principal, audit.Actor, error) {
	unit, err := app.Store.FindUnitByID(ctx, unitID)
	if err != nil {
		return authz.Principal{}, audit.Actor{}, fmt.Errorf("demo member liaison: %w", err)
	}
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return authz.Principal{}, audit.Actor{}, err
	}
	hash, err := auth.HashPassword(hex.EncodeToString(secret))
	if err != nil {
		return authz.Principal{}, audit.Actor{}, err
	}
	u, err := app.Store.CreateUser(ctx, audit.System, records.UserCreate{Username: fmt.Sprintf("demo-liaison-%d", unitID),
		DisplayName: unit.Name + " 联络员", PasswordHash: hash, Role: authz.Liaison, Units: []int64{unitID}})
	if err != nil {
		return authz.Principal{}, audit.Actor{}, fmt.Errorf("demo member liaison: %w", err)
	}
	disabled := true
	if _, err := app.Store.UpdateUser(ctx, audit.System, u.ID, records.UserUpdate{Disabled: &disabled}); err != nil {
		return authz.Principal{}, audit.Actor{}, fmt.Errorf("demo member liaison: %w", err)
	}
	return authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Liaison, Units: u.Units},
		audit.Actor{ID: u.ID, Username: u.Username}, nil
}
