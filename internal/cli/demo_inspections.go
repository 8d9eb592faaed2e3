package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/workday"
)

// seedDemoInspections gives the demo this year's 督查计划 and one
// 明察暗访 held a month ago with two findings, dated from today: 市
// 财政局's, whose deadline passed a fortnight ago unreported (the demo's
// supervision presses and issues a 督办单 on its task), and 市法制办's,
// due in ten days, whose 整改 its liaison has applied to close, so the
// office has a 复查 waiting. The inspection is recorded on the day it was
// held, through a second handle on the database whose clock is then, so
// that its findings' tasks were registered that day.
func seedDemoInspections(ctx context.Context, app *App) error {
	today := app.Inspections.Now().In(workday.Zone)
	held := time.Date(today.Year(), today.Month(), today.Day(), 16, 0, 0, 0, workday.Zone).AddDate(0, 0, -30)
	then := func() time.Time { return held }
	cfg := app.Config
	past, err := store.Open(ctx, store.Options{DataDir: cfg.DataDir, DSN: cfg.DB, Logger: app.Log, Crypto: cfg.Crypto,
		DataKeyFile: cfg.DataKeyFile, Now: then})
	if err != nil {
		return err
	}
	defer past.Close()
	svc := services.New(past, services.Options{Files: app.Files, Now: then})
	if err := svc.Calendar.Load(ctx); err != nil {
		return err
	}
	done, err := seedDemoInspection(ctx, past, svc, today, held)
	if err != nil {
		return err
	}
	u, err := app.Store.FindUserByUsername(ctx, "fazhiban")
	if err != nil {
		return fmt.Errorf("demo inspections: %w", err)
	}
	liaison := audit.Actor{ID: u.ID, Username: u.Username}
	liaisonP := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Liaison, Units: u.Units}
	if _, err := app.Ledger.RequestClose(ctx, liaisonP, liaison, done, "公示栏已更新，执法人员信息、执法依据全部重新上墙。", nil); err != nil {
		return fmt.Errorf("demo finding: %w", err)
	}
	return nil
}

// seedDemoInspection plans and records the demo's inspection on the day
// it was held, through svc over db, and returns the task of the finding
// that is to be closed.
func seedDemoInspection(ctx context.Context, db *store.DB, svc *services.Services, today, held time.Time) (int64, error) {
	u, err := db.FindUserByUsername(ctx, "ducha")
	if err != nil {
		return 0, fmt.Errorf("demo inspections: %w", err)
	}
	office := audit.Actor{ID: u.ID, Username: u.Username}
	officeP := authz.Principal{UserID: office.ID, Username: office.Username, Role: authz.Office}
	units, err := db.FindUnits(ctx)
	if err != nil {
		return 0, err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	ins := svc.Inspections
	date := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	var entry int64
	for i, e := range []records.InspectionPlanEntry{
		{Title: "优化营商环境政策落实明察暗访", Kind: "covert", Month: int(held.Month()), UnitIDs: []int64{unitID["市财政局"], unitID["市法制办"]},
			Notes: "随机抽取窗口单位，不打招呼、直奔现场"},
		{Title: "重点项目建设专项督查", Kind: "special", Month: int(today.AddDate(0, 1, 0).Month()), UnitIDs: []int64{unitID["市财政局"]}},
	} {
		e.Year = held.Year()
		if i == 1 {
			e.Year = today.AddDate(0, 1, 0).Year()
		}
		v, err := ins.AddPlanEntry(ctx, officeP, office, e)
		if err != nil {
			return 0, fmt.Errorf("demo inspection plan: %w", err)
		}
		if i == 0 {
			entry = v.ID
		}
	}
	in, err := ins.Record(ctx, officeP, office, records.Inspection{PlanEntryID: entry, Title: "政务服务窗口明察暗访（第一批）",
		HeldOn: held.Format(time.DateOnly), Place: "市政务服务中心、市财政局、市法制办", Inspectors: "督查室 王科长、刘干事",
		Method: "随机暗访、现场体验办事流程", Summary: "示例数据：共走访窗口 6 个，发现问题 2 个，已当场反馈。"})
	if err != nil {
		return 0, fmt.Errorf("demo inspection: %w", err)
	}
	if _, err := ins.AddFinding(ctx, officeP, office, in.ID, inspectsvc.FindingInput{
		Description: "财政惠企资金兑付窗口未公示办理时限，群众反映补贴到账慢", UnitID: unitID["市财政局"], Due: date(-16)}); err != nil {
		return 0, fmt.Errorf("demo finding: %w", err)
	}
	done, err := ins.AddFinding(ctx, officeP, office, in.ID, inspectsvc.FindingInput{
		Description: "行政执法公示栏信息未及时更新", UnitID: unitID["市法制办"], Due: date(10)})
	if err != nil {
		return 0, fmt.Errorf("demo finding: %w", err)
	}
	return done.TaskID, nil
}
