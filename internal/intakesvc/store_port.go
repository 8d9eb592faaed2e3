package intakesvc

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	AddTask(ctx context.Context, actor audit.Actor, planID int64, in records.NewTask) (int64, error)
	ConfirmPlan(ctx context.Context, actor audit.Actor, planID int64, check func(tasks []records.Task) error) error
	DeletePlan(ctx context.Context, actor audit.Actor, id int64) error
	DeleteTask(ctx context.Context, actor audit.Actor, planID, taskID int64) error
	FindPlanByID(ctx context.Context, id int64) (*records.Plan, error)
	FindPlans(ctx context.Context) ([]records.Plan, error)
	FindPlanIDsInScope(ctx context.Context, scope []int64, importer int64) ([]int64, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	ImportPlan(ctx context.Context, in records.PlanImport) (id int64, created bool, err error)
	MergeTasks(ctx context.Context, actor audit.Actor, planID, taskID, with int64, merge func(task, with records.Task) (records.TaskUpdate, error)) error
	MoveTask(ctx context.Context, actor audit.Actor, planID, taskID, after int64, path *[]string) error
	PublishPlan(ctx context.Context, actor audit.Actor, id int64, publish bool) error
	SplitTask(ctx context.Context, actor audit.Actor, planID, taskID int64, split func(tasks []records.Task, task records.Task) (keep records.TaskUpdate, rest records.NewTask, err error)) (int64, error)
	UpdatePlan(ctx context.Context, actor audit.Actor, id int64, up records.PlanUpdate) error
	RenamePlan(ctx context.Context, actor audit.Actor, id int64, title string) error
	UpdateTask(ctx context.Context, actor audit.Actor, id int64, up records.TaskUpdate) (*records.Task, error)
}
