package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/inspectsvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// seedDemoInspections gives the demo this year's 督查计划 and one
// 明察暗访 held a month ago with two findings, dated from today: 市
// 财政局's, whose deadline passed a fortnight ago unreported (the scheduler
// presses and issues a 督办单 on its task), and 市法制办's, due in ten
// days, whose 整改 its liaison has reported and applied to close, so the
// office has a 复查 waiting.
func seedDemoInspections(ctx context.Context, app *App) error {
	users := map[string]audit.Actor{}
	for _, name := range []string{"ducha", "fazhiban"} {
		u, err := app.Store.FindUserByUsername(ctx, name)
		if err != nil {
			return fmt.Errorf("demo inspections: %w", err)
		}
		users[name] = audit.Actor{ID: u.ID, Username: u.Username}
	}
	office := users["ducha"]
	officeP := authz.Principal{UserID: office.ID, Username: office.Username, Role: authz.Office}
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		return err
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	ins := app.Inspections
	today := ins.Now().In(workday.Zone)
	date := func(days int) string { return today.AddDate(0, 0, days).Format(time.DateOnly) }
	held := today.AddDate(0, 0, -30)
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
			return fmt.Errorf("demo inspection plan: %w", err)
		}
		if i == 0 {
			entry = v.ID
		}
	}
	in, err := ins.Record(ctx, officeP, office, records.Inspection{PlanEntryID: entry, Title: "政务服务窗口明察暗访（第一批）",
		HeldOn: held.Format(time.DateOnly), Place: "市政务服务中心、市财政局、市法制办", Inspectors: "督查室 王科长、刘干事",
		Method: "随机暗访、现场体验办事流程", Summary: "示例数据：共走访窗口 6 个，发现问题 2 个，已当场反馈。"})
	if err != nil {
		return fmt.Errorf("demo inspection: %w", err)
	}
	// Recorded from the inspection's notes, the first deadline has passed.
	if _, err := ins.AddFinding(ctx, officeP, office, in.ID, inspectsvc.FindingInput{
		Description: "财政惠企资金兑付窗口未公示办理时限，群众反映补贴到账慢", UnitID: unitID["市财政局"], Due: date(-16)}); err != nil {
		return fmt.Errorf("demo finding: %w", err)
	}
	done, err := ins.AddFinding(ctx, officeP, office, in.ID, inspectsvc.FindingInput{
		Description: "行政执法公示栏信息未及时更新", UnitID: unitID["市法制办"], Due: date(10)})
	if err != nil {
		return fmt.Errorf("demo finding: %w", err)
	}
	liaison := users["fazhiban"]
	liaisonP := authz.Principal{UserID: liaison.ID, Username: liaison.Username, Role: authz.Liaison, Units: []int64{unitID["市法制办"]}}
	if _, err := app.Ledger.RequestClose(ctx, liaisonP, liaison, done.TaskID, "公示栏已更新，执法人员信息、执法依据全部重新上墙。", nil); err != nil {
		return fmt.Errorf("demo finding: %w", err)
	}
	return nil
}
