package cli

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// demoReports are the progress the demo liaisons have reported on their
// unit's tasks, the overdue ones first, then one not yet due: the ledger,
// the task pages and the completion figures show work under way on the
// first visit, not a ledger nobody has touched.
var demoReports = []struct {
	text    string
	percent float64
}{
	{"已制定工作方案并召开专题会议部署，相关制度文件已形成初稿，正在征求意见。", 60},
	{"已完成前期调研，梳理问题清单 12 项，整改措施正在逐项落实。", 40},
	{"已明确责任分工和时间节点，第一阶段工作已完成。", 30},
}

// demoClosing is the text of the demo's 销号 applications.
const demoClosing = "任务已按要求完成，相关文件和工作台账已报送督查室。"

// seedDemoProgress has each demo liaison, through the ledger service as
// the task page does, apply for 销号 of their unit's first overdue task
// and of its first task not yet due — both closed by the office, one late
// and one on time — and report progress on the next ones (demoReports),
// so that the workspace, the bulletin and the dashboard count tasks
// closed and under way.
func seedDemoProgress(ctx context.Context, app *App) error {
	office, err := app.Store.FindUserByUsername(ctx, "ducha")
	if err != nil {
		return err
	}
	officeP := authz.Principal{UserID: office.ID, Username: office.Username, Role: authz.Office}
	officeA := audit.Actor{ID: office.ID, Username: office.Username}
	today := app.Ledger.Today()
	for _, u := range demoUsers {
		if u.role != authz.Liaison {
			continue
		}
		user, err := app.Store.FindUserByUsername(ctx, u.username)
		if err != nil {
			return err
		}
		p := authz.Principal{UserID: user.ID, Username: user.Username, Role: authz.Liaison, Units: user.Units}
		actor := audit.Actor{ID: user.ID, Username: user.Username}
		closeTask := func(id int64) error {
			if _, err := app.Ledger.RequestClose(ctx, p, actor, id, demoClosing, nil); err != nil {
				return fmt.Errorf("demo 销号: %w", err)
			}
			if _, err := app.Ledger.Decide(ctx, officeP, officeA, id, true, ""); err != nil {
				return fmt.Errorf("demo 销号: %w", err)
			}
			return nil
		}
		for _, unit := range user.Units {
			past, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: unit, Registered: true, Sort: "due", DueTo: today.AddDate(0, 0, -1), Limit: 3})
			if err != nil {
				return err
			}
			ahead, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: unit, Registered: true, Sort: "due", DueFrom: today, Limit: 2})
			if err != nil {
				return err
			}
			var reported []records.Task
			if len(past) > 0 {
				if err := closeTask(past[0].ID); err != nil {
					return err
				}
				reported = append(reported, past[1:]...)
			}
			if len(ahead) > 0 {
				if err := closeTask(ahead[0].ID); err != nil {
					return err
				}
				reported = append(reported, ahead[1:]...)
			}
			for i, t := range reported[:min(len(reported), len(demoReports))] {
				r := demoReports[i]
				if _, _, err := app.Ledger.Report(ctx, p, actor, t.ID, ledgersvc.ReportInput{Text: r.text, Percent: &r.percent}); err != nil {
					return fmt.Errorf("demo report: %w", err)
				}
			}
		}
	}
	return nil
}
