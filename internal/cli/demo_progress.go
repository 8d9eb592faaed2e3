package cli

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
)

// demoReports are the progress the demo liaisons have reported, on their
// unit's tasks earliest due first: the ledger, the task pages and the
// completion figures show work under way on the first visit, not a
// ledger nobody has touched.
var demoReports = []struct {
	text    string
	percent float64
}{
	{"已制定工作方案并召开专题会议部署，相关制度文件已形成初稿，正在征求意见。", 60},
	{"已完成前期调研，梳理问题清单 12 项，整改措施正在逐项落实。", 40},
	{"已明确责任分工和时间节点，第一阶段工作已完成。", 30},
}

// seedDemoProgress has each demo liaison report progress on the first of
// their unit's registered tasks, through the ledger service as the task
// page does.
func seedDemoProgress(ctx context.Context, app *App) error {
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
		for _, unit := range user.Units {
			tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: unit, Registered: true, Sort: "due", Limit: len(demoReports)})
			if err != nil {
				return err
			}
			for i, t := range tasks {
				r := demoReports[i]
				if _, _, err := app.Ledger.Report(ctx, p, actor, t.ID, ledgersvc.ReportInput{Text: r.text, Percent: &r.percent}); err != nil {
					return fmt.Errorf("demo report: %w", err)
				}
			}
		}
	}
	return nil
}
