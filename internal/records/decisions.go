package records

import "time"

// DecisionCatalogue is a year's 重大行政决策目录: its state (draft,
// approved, published), its decisions and the adjustments made to it
// once published.
type DecisionCatalogue struct {
	Year        int                  `json:"year"`
	State       string               `json:"state"`
	Note        string               `json:"note"`
	ApprovedBy  string               `json:"approved_by,omitempty"`
	ApprovedAt  *time.Time           `json:"approved_at,omitempty"`
	PublishedAt *time.Time           `json:"published_at,omitempty"`
	Items       []Decision           `json:"items"`
	Adjustments []DecisionAdjustment `json:"adjustments"`
}

// Catalogue states.
const (
	CatalogueDraft     = "draft"
	CatalogueApproved  = "approved"
	CataloguePublished = "published"
)

// Decision is one 重大行政决策 of a catalogue with its recorded steps and,
// where read whole, the public's comments.
type Decision struct {
	ID        int64             `json:"id"`
	Year      int               `json:"year"`
	Title     string            `json:"title"`
	Summary   string            `json:"summary"`
	UnitID    int64             `json:"unit_id"`
	Unit      string            `json:"unit"`
	Planned   string            `json:"planned"` // the planned time, in words (2026年三季度)
	Status    string            `json:"status"`
	Gate      string            `json:"gate"` // the gate it stands at, "" once published
	ExecTask  int64             `json:"exec_task,omitempty"`
	EvalTask  int64             `json:"eval_task,omitempty"`
	Steps     []DecisionStep    `json:"steps,omitempty"`
	Comments  []DecisionComment `json:"comments,omitempty"`
	CreatedBy string            `json:"created_by"`
	CreatedAt time.Time         `json:"created_at"`
}

// DecisionStep is one recorded step of a decision's procedure with its
// documents.
type DecisionStep struct {
	ID     int64        `json:"id"`
	Kind   string       `json:"kind"`
	Gate   string       `json:"gate,omitempty"`
	From   string       `json:"from,omitempty"`
	To     string       `json:"to,omitempty"`
	Result string       `json:"result,omitempty"`
	Body   string       `json:"body,omitempty"`
	Reason string       `json:"reason,omitempty"`
	Actor  string       `json:"actor"`
	At     time.Time    `json:"at"`
	Files  []Attachment `json:"files"`
}

// DecisionComment is a comment the public left on a decision's draft.
// Name and Contact are personal data: the service masks them for all
// but those who may see personal data.
type DecisionComment struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Contact   string    `json:"contact"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// DecisionAdjustment is a change to a published catalogue.
type DecisionAdjustment struct {
	ID         int64     `json:"id"`
	DecisionID int64     `json:"decision_id"`
	Title      string    `json:"title"`
	Kind       string    `json:"kind"` // added, withdrawn
	Reason     string    `json:"reason"`
	Actor      string    `json:"actor"`
	At         time.Time `json:"at"`
}

// NewDecision is a decision entered into a year's catalogue. Reason is
// the adjustment's reason when the catalogue is already published.
type NewDecision struct {
	Year    int
	Title   string
	Summary string
	UnitID  int64
	Planned string
	Reason  string
}

// NewDecisionStep is a step to record, checked by the service; Status is
// the decision's status after it, and the tasks are the 执行 and 后评估
// scheduled in the ledger on publication.
type NewDecisionStep struct {
	Kind, Gate, From, To, Result, Body, Reason string
	Files                                      []Attachment
	Status                                     string
	ExecTask, EvalTask                         int64
	// Before and Seen are the status and the number of steps the step
	// was checked against: a decision changed meanwhile refuses it.
	Before string
	Seen   int
}

// Commitment is a public commitment (守信践诺) with its progress, oldest
// first. Standing is computed for the day it is read.
type Commitment struct {
	ID            int64                `json:"id"`
	Title         string               `json:"title"`
	Source        string               `json:"source"` // work_report, project, pledge
	SourceRef     string               `json:"source_ref"`
	UnitID        int64                `json:"unit_id"`
	Unit          string               `json:"unit"`
	Target        string               `json:"target"`
	Deadline      string               `json:"deadline"`
	Closed        string               `json:"closed,omitempty"` // fulfilled, broken
	Reason        string               `json:"reason,omitempty"`
	Rectification string               `json:"rectification,omitempty"`
	ClosedOn      string               `json:"closed_on,omitempty"`
	Standing      string               `json:"standing"`
	Progress      []CommitmentProgress `json:"progress"`
	CreatedBy     string               `json:"created_by"`
	CreatedAt     time.Time            `json:"created_at"`
}

// Commitment sources.
const (
	CommitmentWorkReport = "work_report" // 政府工作报告 民生实事
	CommitmentProject    = "project"     // a project list
	CommitmentPledge     = "pledge"      // a 承诺书
)

// CommitmentProgress is one entry of a commitment's public history.
type CommitmentProgress struct {
	ID            int64     `json:"id"`
	Kind          string    `json:"kind"` // progress, fulfilled, broken
	Body          string    `json:"body"`
	Reason        string    `json:"reason,omitempty"`
	Rectification string    `json:"rectification,omitempty"`
	On            string    `json:"on"`
	Actor         string    `json:"actor"`
	At            time.Time `json:"at"`
}
