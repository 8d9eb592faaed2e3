package cli

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/subtasksvc"
)

// seedDemoSubtasks splits one of 市法制办's open tasks that another
// department shares into two sub-tasks (任务分解), as its liaison
// (fazhiban) would: one for itself, which it reports 60 % done, and one
// for the other department, not yet reported; the task's page shows the
// roll-up (30 %) on the first visit.
func seedDemoSubtasks(ctx context.Context, app *App) error {
	lead, err := app.Store.FindUserByUsername(ctx, "fazhiban")
	if err != nil {
		return fmt.Errorf("demo sub-tasks: %w", err)
	}
	if len(lead.Units) == 0 {
		return nil
	}
	own := lead.Units[0]
	reg, err := app.Store.FindUnits(ctx)
	if err != nil {
		return fmt.Errorf("demo sub-tasks: %w", err)
	}
	department := map[int64]bool{}
	for _, u := range reg {
		department[u.ID] = u.Kind == records.UnitDepartment
	}
	tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: own, Registered: true, Limit: 500})
	if err != nil {
		return fmt.Errorf("demo sub-tasks: %w", err)
	}
	today := app.Ledger.Today()
	var parent *records.Task
	var co int64
	for i, t := range tasks {
		due, err := time.Parse(time.DateOnly, t.Due)
		if err != nil || due.Before(today.AddDate(0, 0, 30)) || !ledger.Workflow(t.Status).Open() || t.ParentID != 0 {
			continue
		}
		// 市法制办 leads (marked, or no unit is marked) and another
		// department shares the task.
		marked := slices.ContainsFunc(t.UnitLinks, func(l records.UnitLink) bool { return l.Lead })
		leads := false
		co = 0
		for _, l := range t.UnitLinks {
			switch {
			case l.UnitID == own:
				leads = l.Lead || !marked
			case department[l.UnitID] && co == 0:
				co = l.UnitID
			}
		}
		if leads && co != 0 {
			parent = &tasks[i]
			break
		}
	}
	if parent == nil {
		return nil
	}
	p, actor := lead.Principal(), audit.Actor{ID: lead.ID, Username: lead.Username}
	kids, err := app.Subtasks.Split(ctx, p, actor, parent.ID, []subtasksvc.Input{
		{Title: "制定本单位实施细则", UnitID: own, Due: today.AddDate(0, 0, 20).Format(time.DateOnly)},
		{Title: "配合开展专项检查", UnitID: co, Due: parent.Due},
	})
	if err != nil {
		return fmt.Errorf("demo sub-tasks: %w", err)
	}
	pct := 60.0
	if _, _, err := app.Ledger.Report(ctx, p, actor, kids[0].ID, ledgersvc.ReportInput{Text: "实施细则已起草，正在征求意见。", Percent: &pct}); err != nil {
		return fmt.Errorf("demo sub-task report: %w", err)
	}
	return nil
}
