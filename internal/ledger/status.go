package ledger

import "time"

// Workflow is where a task stands in its life: what people did to it.
type Workflow string

// The workflow states.
const (
	Draft      Workflow = "draft"       // its plan is still under review
	Registered Workflow = "registered"  // 挂号: confirmed, no progress reported yet
	InProgress Workflow = "in_progress" // progress reported
	Pending    Workflow = "pending"     // 销号 applied for, awaiting verification
	Closed     Workflow = "closed"      // 已销号: verified and closed; read-only
	// Revoked: 已撤销 by the office with a reason; read-only, and out of
	// the lights, the ladder and the assessment from the day it applies.
	Revoked Workflow = "revoked"
)

// Open reports whether the task is being worked on, so that units report
// on it and supervision presses it: a draft is not yet in the ledger, a
// pending one waits for the office to verify its 销号, a closed one is done.
func (w Workflow) Open() bool { return w == Registered || w == InProgress }

// Status is what the ledger shows: the workflow state read against the
// task's dates.
type Status string

// The statuses, in the office's words.
const (
	StatusDraft      Status = "draft"       // 待确认
	StatusNotStarted Status = "not_started" // 未启动
	StatusOngoing    Status = "in_progress" // 推进中
	StatusDueSoon    Status = "due_soon"    // 临期
	StatusOverdue    Status = "overdue"     // 逾期
	StatusPending    Status = "pending"     // 待核验
	StatusClosed     Status = "closed"      // 已销号
	StatusRevoked    Status = "revoked"     // 已撤销
)

// Label is the status in Chinese.
func (s Status) Label() string {
	return map[Status]string{StatusDraft: "待确认", StatusNotStarted: "未启动", StatusOngoing: "推进中",
		StatusDueSoon: "临期", StatusOverdue: "逾期", StatusPending: "待核验", StatusClosed: "已销号", StatusRevoked: "已撤销"}[s]
}

// Statuses lists every status in display order.
var Statuses = []Status{StatusNotStarted, StatusOngoing, StatusDueSoon, StatusOverdue, StatusPending, StatusClosed, StatusRevoked, StatusDraft}

// Light is the traffic light (红黄绿灯) of a task.
type Light string

// The lights.
const (
	Green  Light = "green"  // on track
	Yellow Light = "yellow" // 临期
	Red    Light = "red"    // 逾期
	Blue   Light = "blue"   // closed
	Gray   Light = "gray"   // not (or no longer) in the ledger's count: a draft, a revoked task
)

// Calendar is what the rules need of the working-day calendar: the n-th
// working day after a date (dates are civil dates at UTC midnight).
type Calendar interface {
	AddWorkdays(d time.Time, n int) time.Time
}

// Rules are the office's thresholds, configurable per deployment.
type Rules struct {
	// DueSoonWorkdays: a task turns yellow (临期) this many working days
	// before its next due date.
	DueSoonWorkdays int
}

// Progress is the completion a task shows and the deadline it answers to
// next (ISO, "" when none), given its last report's percent and its
// derived next due date: a closed task (已销号) is done, 100 %, with no
// deadline left, whatever its last report said before the 销号; a revoked
// one keeps its percent and answers to no deadline.
func Progress(w Workflow, percent *float64, nextDue string) (*float64, string) {
	if w == Closed {
		done := 100.0
		return &done, ""
	}
	if w == Revoked {
		return percent, ""
	}
	return percent, nextDue
}

// DefaultRules are duban's defaults.
var DefaultRules = Rules{DueSoonWorkdays: 5}

// Derive returns a task's status and light from its workflow state and its
// next due date (zero when it has none), on today's date.
func Derive(w Workflow, nextDue, today time.Time, cal Calendar, r Rules) (Status, Light) {
	return DeriveBy(w, nextDue, today, DueSoonLimit(today, cal, r))
}

// DeriveBy is Derive with today's 临期 limit (DueSoonLimit) worked out
// already: a list derives the state of each of its tasks by the same.
func DeriveBy(w Workflow, nextDue, today, dueSoon time.Time) (Status, Light) {
	switch w {
	case Draft:
		return StatusDraft, Gray
	case Closed:
		return StatusClosed, Blue
	case Revoked:
		return StatusRevoked, Gray
	}
	switch {
	case !nextDue.IsZero() && today.After(nextDue):
		if w == Pending {
			return StatusPending, Red
		}
		return StatusOverdue, Red
	case w == Pending:
		return StatusPending, Green
	case !nextDue.IsZero() && !nextDue.After(dueSoon):
		return StatusDueSoon, Yellow
	case w == InProgress:
		return StatusOngoing, Green
	}
	return StatusNotStarted, Green
}

// DueSoonLimit is the last due date that counts as 临期 today: the
// DueSoonWorkdays-th working day from today. Lists filter by it in SQL.
func DueSoonLimit(today time.Time, cal Calendar, r Rules) time.Time {
	return cal.AddWorkdays(today, r.DueSoonWorkdays)
}

// Checkpoint is a dated step of a task: a milestone, or a deadline.
type Checkpoint struct {
	Due  time.Time
	Done bool
}

// NextDue is the date the task answers to next: its earliest checkpoint
// not yet done, or its final deadline. Zero when it has no dates.
func NextDue(checkpoints []Checkpoint, final time.Time) time.Time {
	next := final
	for _, c := range checkpoints {
		if !c.Done && !c.Due.IsZero() && (next.IsZero() || c.Due.Before(next)) {
			next = c.Due
		}
	}
	return next
}

// FinalDue is the latest of the given due dates: the date by which the
// whole task must be done.
func FinalDue(dues []time.Time) time.Time {
	var last time.Time
	for _, d := range dues {
		if d.After(last) {
			last = d
		}
	}
	return last
}
