package web

import (
	"context"
	"io"
	"time"

	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// Plans is plan intake: upload, review and 挂号. The pages show the
// ledger's own read models (package ledgersvc), so a status or a unit
// match means the same here as in the API.
type Plans interface {
	// List returns every plan, newest import first.
	List(ctx context.Context) ([]ledgersvc.Plan, error)
	// Import reads and parses an uploaded document and keeps it as a
	// draft under review. A document imported before is not stored again:
	// its plan's id comes back with existed set. An unreadable document
	// is a *DocumentError.
	Import(ctx context.Context, name string, data []byte) (id int64, existed bool, err error)
	// Review returns a draft beside its source text, every unit name
	// matched to the registry, with the parse's warnings and honest counts.
	Review(ctx context.Context, id int64) (*ledgersvc.Review, error)
	// UpdatePlan saves the plan's own fields (title, 文号, issuer, date, year).
	UpdatePlan(ctx context.Context, id int64, in PlanEdit) error
	// Rename gives a plan, draft or registered, a new title.
	Rename(ctx context.Context, id int64, title string) error
	// UpdateTask saves the office's corrections to one task of plan.
	UpdateTask(ctx context.Context, plan, task int64, in TaskEdit) error
	// AddTask adds a task to a draft after the task `after` (0: first) and
	// returns its id.
	AddTask(ctx context.Context, plan int64, in NewTask) (int64, error)
	// DeleteTask removes a task from a draft.
	DeleteTask(ctx context.Context, plan, task int64) error
	// SplitTask cuts a task in two before sentence `at` of its text
	// (plandoc.Sentences numbering, 1 ≤ at < len): the first part keeps the
	// task, the second becomes a new task right after it with the same
	// units and the deadlines found in its text.
	SplitTask(ctx context.Context, plan, task int64, at int) (int64, error)
	// MergeTasks appends task `with` to task `task` (text, units,
	// deadlines, targets, milestones united) and removes `with`.
	MergeTasks(ctx context.Context, plan, task, with int64) error
	// MoveTask moves a task of a draft to just after task `after` (0: first),
	// optionally giving it a new path (nil keeps its path).
	MoveTask(ctx context.Context, plan, task, after int64, path []string) error
	// Discard throws a draft away with its tasks; a confirmed plan cannot be.
	Discard(ctx context.Context, plan int64) error
	// Confirm ends the review: the plan's tasks are registered (挂号).
	// Unless force is set, a draft with tasks that have no unit is refused
	// with an *UnitlessError naming them, so that the page can ask.
	Confirm(ctx context.Context, id int64, force bool) error
	// Publish puts a confirmed plan on the public portal, or takes it off.
	// Unless confirmPII is set, a plan whose tasks hold personal data is
	// refused with a *PersonalDataError naming them, so that the page can
	// ask.
	Publish(ctx context.Context, id int64, public, confirmPII bool) error
}

// PlanEdit is the review form of a plan's own fields. IssuedOn is an ISO
// date or "".
type PlanEdit struct {
	Title, DocNumber, Issuer, IssuedOn string
	Year                               int
}

// NewTask is a task the office adds to a draft by hand.
type NewTask struct {
	After     int64 // the task it follows; 0 puts it first
	Path      []string
	Title     string
	Text      string
	Units     []UnitLink
	Deadlines []plandoc.Deadline
}

// UnitlessError refuses to register a draft whose tasks have no
// responsible unit until the office confirms it knowingly; it also counts
// the unit names matched to no registered unit, whose units would not see
// their tasks either.
type UnitlessError struct {
	Tasks []TaskRef // the tasks without a unit
	// Unmatched counts the unit names not in the registry, held by
	// UnmatchedTasks.
	Unmatched      int
	UnmatchedTasks []TaskRef
}

func (e *UnitlessError) Error() string {
	return "plans: tasks without a responsible unit"
}

// Tasks is the ledger: the task list, a task's page, the workspace, and
// the steps units and the office take on a task.
type Tasks interface {
	// List returns one page of the tasks the user may read and the number
	// of all that match.
	List(ctx context.Context, f TaskFilter) (ledgersvc.TaskPage, error)
	// Export writes every task matching f (paging ignored) as an .xlsx
	// ledger to w. Nothing reaches w unless the whole workbook was built.
	Export(ctx context.Context, f TaskFilter, w io.Writer) error
	// ImportProgress records a filled-in ledger sheet all or nothing; a
	// refused sheet is a *SheetRowsError, a file that is no such sheet
	// wraps ErrBadFile.
	ImportProgress(ctx context.Context, file Upload) (imported, skipped int, err error)
	// Get returns a task's page with what the user may do on it.
	Get(ctx context.Context, id int64) (*TaskDetail, error)
	// Workspace returns the user's day: counts, due soon, overdue, owed.
	Workspace(ctx context.Context) (*ledgersvc.Workspace, error)
	// Report records a progress report of the user's unit.
	Report(ctx context.Context, id int64, in ReportInput) error
	// RequestClose applies for 销号 with evidence.
	RequestClose(ctx context.Context, id int64, in CloseInput) error
	// Answer records the unit's 整改反馈 to a 督办单 of the task, which
	// stops that notice's escalation.
	Answer(ctx context.Context, id int64, key, text string, files []Upload) error
	// IssueNotice issues a 督办单 on the task by hand (the office).
	IssueNotice(ctx context.Context, id int64) error
	// Notice renders the 督办通知书 of a notice of the task as .docx, for
	// whoever may read the task.
	Notice(ctx context.Context, id int64, key string) (*Download, error)
	// Decide settles an open 销号 application: close, or return with a reason.
	Decide(ctx context.Context, id int64, close bool, reason string) error
	// TakeOver is 提级督办: the office takes over the task's supervision.
	TakeOver(ctx context.Context, id int64) error
	// Attachment opens an attachment for download, for whoever may read
	// its task. The caller closes Body.
	Attachment(ctx context.Context, id int64) (*Download, error)
}

// TaskFilter narrows the task list; zero fields select all. Status and
// Light take the ledger's codes (not_started, red, …).
type TaskFilter struct {
	PlanID, UnitID int64
	Status, Light  string
	Source         string    // a records.Sources code; "" all
	DueFrom, DueTo time.Time // civil dates, inclusive
	Q              string
	Sort           string // plan (default), due, report
	Limit, Offset  int
	// Cursor opens the page after the one that handed it out.
	Cursor string
}

// TaskDetail is a task's page and what the signed-in user may do there.
type TaskDetail struct {
	ledgersvc.Detail
	PlanTitle string
	// CanReport: the user is a liaison of one of the task's units.
	CanReport bool
	// CanDecide: the user is the office, who verifies and closes.
	CanDecide bool
	// CanIssue: the office may issue a 督办单 by hand on the open task.
	CanIssue bool
	// Reserved: a higher office took the task over (提级督办); this office
	// reads it but no longer supervises it.
	Reserved bool
	// NoUnit: the task has no responsible unit, so a 督办单 would go to
	// nobody; the page says so in place of the issue button.
	NoUnit bool
	// CurrentPeriod is the reporting period of today, for a recurring task.
	CurrentPeriod string
	// Supervision is what the office's rules did about the task (提醒,
	// 催办, 督办单), newest first.
	Supervision []SupervisionItem
	// Matter is the source record of a 督办件; nil for a plan's task.
	Matter *MatterRecord
}

// SupervisionItem is one supervision step on a task, with the reason it
// fell on its working day, so that a unit can check the date by hand.
type SupervisionItem struct {
	Key   string // the step's lasting key, which an answer names
	Kind  string // remind, press, notice, escalate, report_missing
	Title string // 提醒, 催办, or the notice's own label (蓝色督办单…)
	On    time.Time
	Due   time.Time // the due date the step is about
	// Deadline is a notice's 限期整改 date; zero for the other kinds.
	Deadline time.Time
	// Answered: the unit's 整改反馈 arrived; Answer is its text.
	Answered bool
	Answer   string
	Evidence []records.Attachment // the files the answer came with
	// CaughtUp: recorded after its day, because no process was running
	// then; the date shown is still the day the rule fixed.
	CaughtUp bool
	Explain  string
}

// TaskEdit is the review form of one task as posted. A field or list the
// post did not carry is nil and stays as it is: a partial post never
// clears what it left out. A list carried with every row blank is empty
// (not nil) and clears the task's list: rows whose text (or name) is
// empty are dropped, which is how the office deletes one. Weight is set
// when WeightSet, nil then clearing it.
type TaskEdit struct {
	Title, Goal, Owner, Requirement, Measure *string
	Weight                                   *float64
	WeightSet                                bool
	Units                                    []UnitLink
	Deadlines                                []plandoc.Deadline
	Targets                                  []plandoc.Target
	Milestones                               []plandoc.Milestone
}

// UnitLink is one responsible unit: the name as written, whether it
// leads, and the registry unit it stands for (0 when not yet placed).
type UnitLink struct {
	Name   string
	Lead   bool
	UnitID int64
}

// Upload is one uploaded file, opened on demand.
type Upload struct {
	Name string
	Size int64
	Open func() (io.ReadCloser, error)
}

// ReportInput is a progress report as the form submits it.
type ReportInput struct {
	Text           string
	Problems       string // 存在问题
	NextSteps      string // 下步计划
	Percent        *float64
	Period         string
	MilestonesDone []int           // by place in the task
	Targets        map[int]float64 // by place in the task
	Files          []Upload
}

// CloseInput is an application for 销号.
type CloseInput struct {
	Text  string
	Files []Upload
}

// Download is an attachment being sent.
type Download struct {
	Filename    string
	ContentType string
	ModTime     time.Time
	Body        io.ReadSeekCloser
}

// DocumentError says an uploaded plan could not be read. Message is the
// reader's own explanation, which names the file and what was expected.
type DocumentError struct {
	Message string
}

func (e *DocumentError) Error() string { return "web: unreadable document: " + e.Message }
