package records

import (
	"time"
)

// CloseRequest is a unit's application for 销号 and the office's decision.
type CloseRequest struct {
	ID          int64        `json:"id"`
	TaskID      int64        `json:"task_id"`
	UnitID      int64        `json:"unit_id,omitempty"`
	RequesterID int64        `json:"requester_id"`
	Text        string       `json:"text"`
	CreatedAt   time.Time    `json:"created_at"`
	Decision    string       `json:"decision,omitempty"` // closed, returned, or "" while pending
	DeciderID   int64        `json:"decider_id,omitempty"`
	Reason      string       `json:"reason,omitempty"`
	DecidedAt   *time.Time   `json:"decided_at,omitempty"`
	Attachments []Attachment `json:"attachments"`
}
