package cli

import (
	"context"
	"testing"

	"github.com/duban/duban/internal/records"
)

// TestDemoHasASplitTask: the demo shows 任务分解 on the first visit — a
// task of 市法制办's split into two sub-tasks, one reported 60 %, the
// other not yet, whose percent is rolled up from them (30 %).
func TestDemoHasASplitTask(t *testing.T) {
	app := openDemo(t)
	ctx := context.Background()
	tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{Limit: 500, Q: "制定本单位实施细则"})
	if err != nil || len(tasks) != 1 || tasks[0].ParentID == 0 {
		t.Fatalf("the demo's sub-task = %+v, %v", tasks, err)
	}
	parent, err := app.Store.FindTaskByID(ctx, tasks[0].ParentID)
	if err != nil || parent.Percent == nil || *parent.Percent != 30 {
		t.Fatalf("the demo's split task = %+v, %v; want 30%%", parent, err)
	}
	kids, err := app.Store.FindSubtasks(ctx, parent.ID)
	if err != nil || len(kids) != 2 {
		t.Errorf("sub-tasks = %d, %v", len(kids), err)
	}
}
