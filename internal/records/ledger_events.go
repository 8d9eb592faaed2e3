package records

import (
	"time"
)

// TaskEvent is one step of a task's history.
type TaskEvent struct {
	ID      int64     `json:"id"`
	TaskID  int64     `json:"task_id"`
	At      time.Time `json:"at"`
	ActorID int64     `json:"actor_id"`
	Actor   string    `json:"actor"`
	Kind    string    `json:"kind"`
	Summary string    `json:"summary"`
	RefID   int64     `json:"ref_id,omitempty"` // the report or close request
}

// Task event kinds, the steps of a task's history.
const (
	EventRegistered   = "registered"    // 挂号
	EventEdited       = "edited"        // the office changed the task
	EventProgress     = "progress"      // a unit reported progress
	EventCloseRequest = "close_request" // a unit applied for 销号
	EventClosed       = "closed"        // 销号
	EventReturned     = "returned"      // the application was returned
	EventAnswer       = "answer"        // a unit's 整改反馈 to a 督办单
)
