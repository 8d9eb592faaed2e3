package records

import (
	"time"
)

// AssessRecord is a 激励 or 问责 decision about a unit, with the tasks and
// notices behind it.
type AssessRecord struct {
	ID        int64      `json:"id"`
	UnitID    int64      `json:"unit_id"`
	Unit      string     `json:"unit"`
	Kind      string     `json:"kind"` // assess.RecordHighlight …
	Title     string     `json:"title"`
	On        string     `json:"on"`    // the decision's date, ISO
	Basis     string     `json:"basis"` // its document: 文号, meeting
	Text      string     `json:"text"`
	TaskIDs   []int64    `json:"task_ids"`
	EventKeys []string   `json:"event_keys"` // the notices it cites
	CreatedBy string     `json:"created_by"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedBy string     `json:"revoked_by,omitempty"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
	Reason    string     `json:"revoke_reason,omitempty"`
}

// RecordFilter selects records; zero fields select everything. Revoked
// records come only when asked for.
type RecordFilter struct {
	UnitID      int64
	From, To    string // ISO dates, inclusive
	WithRevoked bool
}
