package ledgersvc

import (
	"context"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/supervise"
)

// Store is what the service reads and writes; *store.DB is one, wired
// by cli, so the service imports no store and its callers none either.
type Store interface {
	AddProgress(ctx context.Context, actor audit.Actor, taskID int64, in records.ProgressInput) (int64, error)
	AddProgressBatch(ctx context.Context, actor audit.Actor, items []records.ProgressItem) ([]int64, error)
	AnswerEvidence(ctx context.Context, taskID int64) (map[string][]records.Attachment, error)
	AnswerSupervision(ctx context.Context, actor audit.Actor, taskID int64, key, text string, atts []records.Attachment) error
	DataVersion(ctx context.Context) (int64, error)
	DecideClose(ctx context.Context, actor audit.Actor, taskID int64, close bool, reason string) error
	FindAttachment(ctx context.Context, id int64) (*records.Attachment, int64, error)
	FindCloseRequests(ctx context.Context, taskID int64) ([]records.CloseRequest, error)
	FindPlanByID(ctx context.Context, id int64) (*records.Plan, error)
	FindPlanSource(ctx context.Context, id int64) (string, error)
	FindPlanWarnings(ctx context.Context, id int64) ([]plandoc.Warning, error)
	FindPlans(ctx context.Context) ([]records.Plan, error)
	FindProgress(ctx context.Context, taskID int64) ([]records.Progress, error)
	FindTaskByID(ctx context.Context, id int64) (*records.Task, error)
	// TakeOverTask and FindTakeover keep a task's 提级督办.
	TakeOverTask(ctx context.Context, actor audit.Actor, taskID, userID int64) error
	FindTakeover(ctx context.Context, taskID int64) (*records.Takeover, error)
	FindTaskEvents(ctx context.Context, taskID int64) ([]records.TaskEvent, error)
	FindTasks(ctx context.Context, f records.TaskFilter) ([]records.Task, int, error)
	// FindTaskPage is FindTasks with the cursor of the next page.
	FindTaskPage(ctx context.Context, f records.TaskFilter) (records.TaskPage, error)
	// FindTaskListing is FindTaskPage as the tasks' kept entries of a
	// shape (the whole task where none is kept), SaveTaskEntries keeps
	// entries built, and TasksWithoutEntry lists tasks to build them for.
	FindTaskListing(ctx context.Context, f records.TaskFilter, shape string) (records.TaskListing, error)
	SaveTaskEntries(ctx context.Context, shape string, entries []records.TaskEntry) (int, error)
	TasksWithoutEntry(ctx context.Context, shape string, afterID int64, limit int) ([]records.ListedTask, error)
	FindUnitByID(ctx context.Context, id int64) (*records.Unit, error)
	FindUnits(ctx context.Context) ([]records.Unit, error)
	FindUserByID(ctx context.Context, id int64) (*records.User, error)
	LatestReports(ctx context.Context, taskIDs []int64) (map[int64]records.LatestReport, error)
	ReadDashboard(ctx context.Context, today, soon time.Time, overdue int) (*records.Dashboard, error)
	// ReadDashboardIn is ReadDashboard over the tasks of scope's units.
	ReadDashboardIn(ctx context.Context, today, soon time.Time, overdue int, scope []int64) (*records.Dashboard, error)
	RecordEvent(ctx context.Context, actor audit.Actor, action, objectType string, objectID any, detail any) error
	ReportedPeriods(ctx context.Context, taskID int64) (map[string]bool, error)
	RequestClose(ctx context.Context, actor audit.Actor, taskID, unitID int64, text string, atts []records.Attachment) (int64, error)
	SupervisionHistory(ctx context.Context, taskIDs []int64) (map[int64][]supervise.Event, error)
}
