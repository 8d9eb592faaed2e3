package cli

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
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
	}
	return nil
}
