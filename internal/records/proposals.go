package records

import "time"

// Kinds of a proposal: a 人大代表建议 or a 政协委员提案.
const (
	ProposalSuggestion = "suggestion" // 人大代表建议
	ProposalMotion     = "proposal"   // 政协委员提案
)

// States of a proposal: taken in, 交办 and being handled, answered and
// awaiting the representative's feedback, done (rated 满意/基本满意, or
// closed by the office).
const (
	ProposalReceived = "received"
	ProposalAssigned = "assigned"
	ProposalAnswered = "answered"
	ProposalDone     = "done"
)

// Proposal is a 建议 or 提案 of a year's session with how it stands.
type Proposal struct {
	ID         int64  `json:"id"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`   // suggestion or proposal
	Number     string `json:"number"` // as the 人大/政协 numbered it (第12号)
	Title      string `json:"title"`
	Content    string `json:"content"`
	Category   string `json:"category"`
	Proposers  string `json:"proposers"`  // the representatives or members, 、-separated
	Delegation string `json:"delegation"` // their 代表团 or 界别
	// Phone is the first proposer's number: personal data, sealed in the
	// store, shown to the office and the units that handle it only.
	Phone     string `json:"phone,omitempty"`
	Key       bool   `json:"key"`        // 重点建议/提案
	Urgent    bool   `json:"urgent"`     // a one-month time limit
	NoPublish bool   `json:"no_publish"` // the representative asked not to publish the answer
	State     string `json:"state"`

	LeadUnitID int64          `json:"lead_unit_id,omitempty"`
	LeadUnit   string         `json:"lead_unit,omitempty"`
	CoUnits    []ProposalUnit `json:"co_units"`
	AssignedOn string         `json:"assigned_on,omitempty"`
	Due        string         `json:"due,omitempty"`
	Round      int            `json:"round"` // 1, then 2… after 重新办理

	Class        string `json:"class,omitempty"` // A, B or C
	Answer       string `json:"answer,omitempty"`
	Signer       string `json:"signer,omitempty"`
	Contact      string `json:"contact,omitempty"`
	AnsweredOn   string `json:"answered_on,omitempty"`
	Satisfaction string `json:"satisfaction,omitempty"` // satisfied, basic, unsatisfied
	Feedback     string `json:"feedback,omitempty"`
	TaskID       int64  `json:"task_id,omitempty"` // the B-class commitment's ledger task

	CreatedBy string          `json:"created_by"`
	CreatedAt time.Time       `json:"created_at"`
	Events    []ProposalEvent `json:"events,omitempty"`
}

// ProposalUnit is a 会办 unit of a proposal and the opinion it sent the
// 主办 unit.
type ProposalUnit struct {
	UnitID    int64      `json:"unit_id"`
	Name      string     `json:"name"`
	Opinion   string     `json:"opinion"`
	OpinionAt *time.Time `json:"opinion_at,omitempty"`
}

// Kinds of a proposal's events.
const (
	ProposalEventAssign   = "assign"   // 交办 (text: the units)
	ProposalEventDispute  = "dispute"  // a unit asks to be changed
	ProposalEventContact  = "contact"  // 面商/沟通 with the representative
	ProposalEventOpinion  = "opinion"  // a 会办 unit's opinion
	ProposalEventAnswer   = "answer"   // the answer letter (text: class and answer)
	ProposalEventFeedback = "feedback" // the representative's rating
	ProposalEventRedo     = "redo"     // 重新办理
	// The scheduler's steps on a proposal near or past its time limit,
	// by the office's default supervision rules (text: the time limit).
	ProposalEventRemind = "remind" // reminder before the time limit
	ProposalEventPress  = "press"  // 催办 the working day after it
	ProposalEventNotice = "notice" // 督办, the ladder's first level
)

// ProposalEvent is one step of a proposal's handling.
type ProposalEvent struct {
	ID     int64     `json:"id"`
	Kind   string    `json:"kind"`
	Round  int       `json:"round"`
	UnitID int64     `json:"unit_id,omitempty"`
	Unit   string    `json:"unit,omitempty"`
	Text   string    `json:"text"`
	OnDay  string    `json:"on_day,omitempty"`
	Actor  string    `json:"actor"`
	At     time.Time `json:"at"`
}

// ProposalFilter selects proposals: of a year, a kind, a state, or those
// a set of units handles (as 主办 or 会办); zero values select all.
type ProposalFilter struct {
	Year  int
	Kind  string
	State string
	Units []int64 // nil: every unit's
}

// ProposalAssignment is a 交办 as the store writes it: the units, the day
// and the time limit the service computed.
type ProposalAssignment struct {
	LeadUnitID int64
	CoUnitIDs  []int64
	On, Due    string
	Urgent     bool
	Note       string
}

// ProposalAnswer is an answer letter as the store writes it.
type ProposalAnswer struct {
	Class, Answer, Signer, Contact, On string
	UnitID                             int64
}
