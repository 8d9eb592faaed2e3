package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/cli"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// fixture is what the load needs of the seeded system.
type fixture struct {
	officeToken, officeCookie, liaisonToken string
	liaisonTasks                            []int64
	ticketServices                          []string // the 12345 categories' codes
}

// units the synthetic tasks are spread over; the liaison answers for the first.
var unitNames = []string{"市法制办", "市财政局", "市发展改革委", "市编委办", "市人力社保局", "市政府办公室", "市市场监管局", "市住建局"}

// seed fills the ledger with n tasks in plans of 500, spread over the
// units and over a year of deadlines, so that status filters have work.
func seed(ctx context.Context, app *cli.App, n int) (*fixture, error) {
	db := app.Store
	sys := audit.System
	var unitIDs []int64
	byName := map[string]int64{}
	for _, name := range unitNames {
		u, err := db.CreateUnit(ctx, sys, records.UnitCreate{Name: name, Kind: records.UnitDepartment})
		if err != nil {
			return nil, err
		}
		unitIDs = append(unitIDs, u.ID)
		byName[name] = u.ID
	}
	const perPlan = 500
	for p := 0; p*perPlan < n; p++ {
		plan := &plandoc.Plan{Title: fmt.Sprintf("压力测试方案%03d", p), Year: 2026}
		for i := 0; i < perPlan && p*perPlan+i < n; i++ {
			k := p*perPlan + i
			due := fmt.Sprintf("2026-%02d-%02d", k%12+1, k%28+1)
			plan.Tasks = append(plan.Tasks, plandoc.Task{
				Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("推进第%d项重点改革任务", k),
				Text:      fmt.Sprintf("推进第%d项重点改革任务。围绕年度目标，细化措施，按季度报送进展。", k),
				Units:     []string{unitNames[k%len(unitNames)], unitNames[(k+3)%len(unitNames)]},
				LeadUnits: []string{unitNames[k%len(unitNames)]},
				Deadlines: []plandoc.Deadline{{Text: due, Due: due}, {Text: "每季度", Every: "quarter"}},
			})
		}
		sum := sha256.Sum256([]byte(plan.Title))
		if _, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: plan.Title + ".txt", SourceSHA256: hex.EncodeToString(sum[:]),
			Format: "text", Plan: plan}); err != nil {
			return nil, err
		}
	}
	hash, err := auth.HashPassword("Load#Test2026")
	if err != nil {
		return nil, err
	}
	office, err := db.CreateUser(ctx, sys, records.UserCreate{Username: "load-office", PasswordHash: hash, Role: authz.Office})
	if err != nil {
		return nil, err
	}
	liaison, err := db.CreateUser(ctx, sys, records.UserCreate{Username: "load-liaison", PasswordHash: hash, Role: authz.Liaison, Units: unitIDs[:1]})
	if err != nil {
		return nil, err
	}
	fx := &fixture{}
	if fx.ticketServices, err = seedTicketServices(ctx, db, byName); err != nil {
		return nil, err
	}
	if fx.officeToken, err = app.Signin.Issue(ctx, sys, office.ID, records.SessionAPI, "load", "127.0.0.1"); err != nil {
		return nil, err
	}
	if fx.officeCookie, err = app.Signin.Issue(ctx, sys, office.ID, records.SessionWeb, "load", "127.0.0.1"); err != nil {
		return nil, err
	}
	if fx.liaisonToken, err = app.Signin.Issue(ctx, sys, liaison.ID, records.SessionAPI, "load", "127.0.0.1"); err != nil {
		return nil, err
	}
	mine, _, err := db.FindTasks(ctx, records.TaskFilter{UnitID: unitIDs[0], Limit: 500})
	if err != nil {
		return nil, err
	}
	for _, t := range mine {
		fx.liaisonTasks = append(fx.liaisonTasks, t.ID)
	}
	return fx, nil
}
