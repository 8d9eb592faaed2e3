package records

import (
	"time"

	"github.com/duban/duban/internal/plandoc"
)

// Sources of work: where a task came from. A plan document's tasks are
// SourcePlan; a 督办件 entered by hand is one of the others, by its kind.
const (
	SourcePlan        = "plan"        // a plan document (方案)
	SourceInstruction = "instruction" // a leader's 批示
	SourceMeeting     = "meeting"     // a meeting's 议定事项
	SourceAssignment  = "assignment"  // a 交办件
	SourceInspection  = "inspection"  // a problem found in a 督查
	SourceOther       = "other"
)

// Sources lists the sources in display order.
var Sources = []string{SourcePlan, SourceInstruction, SourceMeeting, SourceAssignment, SourceInspection, SourceOther}

// KnownSource reports whether s is one of Sources.
func KnownSource(s string) bool {
	for _, k := range Sources {
		if k == s {
			return true
		}
	}
	return false
}

// MatterKind is a kind of 督办件 (领导批示, 会议议定事项…): data the office
// extends, each kind filed under one source.
type MatterKind struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Source string `json:"source"`
}

// Matter is a 督办件's source record, kept beside its task.
type Matter struct {
	TaskID int64  `json:"task_id"`
	Kind   string `json:"kind"`   // a MatterKind code
	Source string `json:"source"` // the kind's source
	// KindName is the kind's name, for people.
	KindName string `json:"kind_name"`
	// SourceText is the source document's words: the 批示, the 议定事项
	// as the 纪要 has it, the 交办 letter's request.
	SourceText string `json:"source_text"`
	Leader     string `json:"leader"`      // who wrote the 批示
	Meeting    string `json:"meeting"`     // the meeting's name
	MinutesNo  string `json:"minutes_no"`  // the 纪要's number
	MinutesOn  string `json:"minutes_on"`  // the meeting's or 纪要's date, ISO, "" none
	LetterRef  string `json:"letter_ref"`  // the 交办 letter's reference
	ReportBack bool   `json:"report_back"` // a 办理结果 report goes back to the leader
	// Attachments are the source document's scans, kept with the task's
	// 挂号 step.
	Attachments []Attachment `json:"attachments"`
	CreatedBy   string       `json:"created_by"` // the office member who entered it
	CreatedAt   time.Time    `json:"created_at"` // UTC
}

// NewMatter is one 督办件 to store: its task, filed in the register plan
// of its source and year, and its source record.
type NewMatter struct {
	// Source and Year choose the register plan; PlanTitle titles it when
	// it is created by this write.
	Source    string
	Year      int
	PlanTitle string
	// Task holds the title, text and deadlines; its unit lists are
	// ignored for Units. Its path is given by the store (the matter's
	// number in its register).
	Task        plandoc.Task
	Units       []UnitLink
	Requirement string // 办理要求, the task's requirement
	Matter      Matter
	// Attachments are the source document's scans, already kept: they
	// hang on the task's 挂号 step.
	Attachments []Attachment
}

// MatterInput is one 督办件 as the office enters it.
type MatterInput struct {
	Kind  string // a MatterKind code
	Title string // "" is the text's first sentence
	Text  string // what is to be done; "" is the title
	// The source record; which of these a kind uses is the form's
	// business, the service keeps what it is given.
	SourceText, Leader, Meeting, MinutesNo, MinutesOn, LetterRef string
	ReportBack                                                   bool
	Requirement                                                  string // 办理要求
	// Units are the responsible units, 牵头 (Lead) and 配合: each a
	// registry unit by its id, or by a name or alias the registry knows.
	// With none marked Lead, the first leads.
	Units []UnitLink
	// Deadline is an ISO date or a deadline in words ("12月20日前",
	// "年底前"), read by the importer's rules in the current year.
	Deadline string
	// Every is a reporting cadence (plandoc.EveryMonth…); "" none. A
	// matter has a deadline, a cadence or both.
	Every string
}

// MatterBatch is a list of 督办件 entered at once, as a meeting's 议定事项
// are: the source record they share, and the list pasted one matter a
// line, each read by the importer's rules (its units, its deadline).
type MatterBatch struct {
	Kind                                                         string // "" is the meeting kind
	SourceText, Leader, Meeting, MinutesNo, MinutesOn, LetterRef string
	ReportBack                                                   bool
	Requirement                                                  string
	// Lines are the matters, one a line; blank lines are skipped.
	Lines string
	// Units and Deadline stand for a line that names none.
	Units    []UnitLink
	Deadline string
}
