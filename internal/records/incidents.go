package records

import (
	"time"
)

// Incident is a major incident with the disclosure duties it set off.
type Incident struct {
	ID         int64                   `json:"id"`
	Title      string                  `json:"title"`
	Level      string                  `json:"level"`
	OccurredAt time.Time               `json:"occurred_at"`
	UnitID     int64                   `json:"unit_id,omitempty"`
	Unit       string                  `json:"unit,omitempty"`
	Summary    string                  `json:"summary"`
	CreatedBy  string                  `json:"created_by"`
	CreatedAt  time.Time               `json:"created_at"`
	Duties     map[string]IncidentDuty `json:"duties"`
}

// IncidentDuty is a duty done: when, and the evidence.
type IncidentDuty struct {
	DoneAt   time.Time `json:"done_at"`
	Evidence string    `json:"evidence"`
	Actor    string    `json:"actor"`
}
