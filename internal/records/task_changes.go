package records

import "time"

// Task change kinds (task_changes.kind): the steps that change a
// registered task, each kept with who, when, why and what it changed.
const (
	ChangeExtensionRequest  = "extension_request"  // a unit's 延期申请
	ChangeExtensionApproved = "extension_approved" // the office granted it: the deadline moved
	ChangeExtensionRefused  = "extension_refused"  // the office refused it: nothing changed
	ChangeAdjusted          = "adjusted"           // the office's 调整 (units, deadline, content)
	ChangeRevoked           = "revoked"            // the office's 撤销
)

// TaskChange is one change of a task's history (变更记录). Before and
// After hold the fields it changed as they were and became (JSON
// objects); Effective is the day it applies (ISO).
type TaskChange struct {
	ID        int64          `json:"id"`
	TaskID    int64          `json:"task_id"`
	Kind      string         `json:"kind"`
	ActorID   int64          `json:"actor_id"`
	Actor     string         `json:"actor"`
	At        time.Time      `json:"at"`
	Reason    string         `json:"reason"`
	Before    map[string]any `json:"before"`
	After     map[string]any `json:"after"`
	Effective string         `json:"effective,omitempty"`
	// An extension request's unit, the date it asks for and where it
	// stands (open, approved, refused); a decision's request.
	UnitID    int64  `json:"unit_id,omitempty"`
	UnitName  string `json:"unit_name,omitempty"`
	NewDue    string `json:"new_due,omitempty"`
	State     string `json:"state,omitempty"`
	RequestID int64  `json:"request_id,omitempty"`
}

// OpenExtension is an extension request awaiting the office's decision,
// with its task, for the office's list.
type OpenExtension struct {
	TaskChange
	TaskTitle string `json:"task_title"`
	PlanID    int64  `json:"plan_id"`
	Due       string `json:"due"` // the task's current deadline
}

// TaskAdjust is the office's 调整 of a registered task: the fields that
// are not nil change. Due moves the deadline that is due (as an
// extension does); Units replaces the task's units, matched to the
// registry by the caller.
type TaskAdjust struct {
	Title, Text, Requirement *string
	Units                    *[]UnitLink
	Due                      *string // ISO date
}
