package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
)

// seedDemoChanges has the liaison of 市财政局 ask for an extension of one
// of its open tasks, through the service the pages use, so that the
// office finds a 延期申请 waiting on the desk and on the task's page.
func seedDemoChanges(ctx context.Context, app *App) error {
	u, err := app.Store.FindUserByUsername(ctx, "caizheng")
	if err != nil {
		return fmt.Errorf("demo extension: %w", err)
	}
	p := authz.Principal{UserID: u.ID, Username: u.Username, Role: u.Role, Units: u.Units}
	today := app.Ledger.Today()
	tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{Registered: true, Scoped: true, ScopeUnits: u.Units,
		DueFrom: today.AddDate(0, 0, 7), Sort: "due", Limit: 50})
	if err != nil {
		return fmt.Errorf("demo extension: %w", err)
	}
	for _, t := range tasks {
		next, err := time.Parse(time.DateOnly, t.NextDue)
		if err != nil || (t.Status != "registered" && t.Status != "in_progress") {
			continue
		}
		_, err = app.Changes.RequestExtension(ctx, p, audit.Actor{ID: u.ID, Username: u.Username}, t.ID,
			next.AddDate(0, 1, 0).Format(time.DateOnly), "所需资金须待下月市政府常务会议研究后方能拨付，申请顺延一个月。")
		return err
	}
	return nil
}
