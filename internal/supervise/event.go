package supervise

import (
	"fmt"
	"time"

	"github.com/duban/duban/internal/ledger"
)

// Kind is what a supervision event does.
type Kind string

// The kinds of event. A notice is the first level of the ladder; an
// escalate is every later level — also a notice, with its own Level and
// Deadline — kept apart so that assessment can count escalations.
const (
	KindRemind        Kind = "remind"         // 提醒: a due date is near
	KindPress         Kind = "press"          // 催办: a due date was missed
	KindNotice        Kind = "notice"         // 督办单, first level
	KindEscalate      Kind = "escalate"       // 督办单, a higher level
	KindReportMissing Kind = "report_missing" // a periodic report did not come
	KindIssued        Kind = "issued"         // 督办单 issued by hand by the office
)

// Kinds are all the kinds, in the order a task meets them.
var Kinds = []Kind{KindRemind, KindPress, KindNotice, KindEscalate, KindReportMissing, KindIssued}

// Label is the kind in Chinese.
func (k Kind) Label() string {
	return map[Kind]string{KindRemind: "提醒", KindPress: "催办", KindNotice: "督办",
		KindEscalate: "升级督办", KindReportMissing: "报送逾期", KindIssued: "督办"}[k]
}

// Task is what supervision needs to know of a ledger task.
type Task struct {
	ID int64
	// NextDue is the task's next due date (zero when it has none). The
	// ladder runs for this date only: once it moves on, the old date was
	// met and its chain stops.
	NextDue  time.Time
	Workflow ledger.Workflow
	// Every is the cadence of its periodic reports (month, quarter,
	// half-year, year), or "" when it has none.
	Every           string
	RegisteredAt    time.Time
	ReportedPeriods map[string]bool // period keys ("2026-03", "2026-Q1") reported
}

// active reports whether the task is being worked on (ledger.Workflow.Open).
func (t Task) active() bool { return t.Workflow.Open() }

// Event is one supervision event, due or recorded.
type Event struct {
	// Key identifies the event for ever: "t42/press/2026-03-31". Recording
	// an event whose key exists is a no-op, which is what makes a restart
	// or a second instance harmless.
	Key    string
	TaskID int64
	Kind   Kind
	Level  string    // the ladder level's name, for notices
	Label  string    // the level's label (蓝色督办单…), for notices
	Due    time.Time // the due date (or report due date) it concerns
	Period string    // the report period's key, for report_missing
	// On is the working day the rule fires. It is fixed by the rule, not
	// by when a process noticed, so that catch-up records the right date.
	On time.Time
	// Deadline is a notice's 限期整改 deadline.
	Deadline time.Time
	// Answered: the unit's 整改反馈 arrived; the ladder stops here.
	Answered bool
	// Answer is the 整改反馈 as the unit wrote it.
	Answer string
	// Basis and Workdays say how On was counted: On is
	// AddWorkdays(Basis, Workdays) (negative counts back). Explain uses them.
	Basis    time.Time
	Workdays int
	// Moves are the changes of the calendar that moved Deadline after the
	// notice was issued, oldest first; Explain tells them.
	Moves []DeadlineMove
	// Recorded is the day the event was produced — today, for Due — so
	// that OnTime can tell a caught-up event from one on time.
	Recorded time.Time
}

// DeadlineMove is a 限期整改 deadline moved by a change of the calendar
// (a holiday added or taken back), with the change's number and reason.
type DeadlineMove struct {
	Change   int64
	From, To time.Time
	Reason   string
}

// OnTime reports whether the event was recorded on the day it was due to
// happen. Assessment reads it; it is fixed once recorded.
func (e Event) OnTime() bool { return !e.Recorded.IsZero() && e.Recorded.Equal(e.On) }

func key(id int64, parts ...string) string {
	s := fmt.Sprintf("t%d", id)
	for _, p := range parts {
		s += "/" + p
	}
	return s
}

func day(t time.Time) string { return t.Format(time.DateOnly) }
