package records

import "time"

// InspectionPlanEntry is one line of the year's 督查计划: an inspection
// the office means to hold, of a kind, in a month (on a day when known),
// at the units it names.
type InspectionPlanEntry struct {
	ID        int64     `json:"id"`
	Year      int       `json:"year"`
	Title     string    `json:"title"`
	Kind      string    `json:"kind"`  // field, special, reconcile, covert
	Month     int       `json:"month"` // 1–12
	PlannedOn string    `json:"planned_on,omitempty"`
	UnitIDs   []int64   `json:"unit_ids"`
	Units     []string  `json:"units"` // the names of UnitIDs, in their order
	Notes     string    `json:"notes"`
	CreatedBy string    `json:"created_by"`
	CreatedAt time.Time `json:"created_at"`
	// Held counts the inspections recorded against the entry.
	Held int `json:"held"`
}

// Inspection is an inspection held: when, where, who, how, and what it
// found.
type Inspection struct {
	ID          int64     `json:"id"`
	PlanEntryID int64     `json:"plan_entry_id,omitempty"`
	Kind        string    `json:"kind"`
	Title       string    `json:"title"`
	HeldOn      string    `json:"held_on"`
	Place       string    `json:"place"`
	Inspectors  string    `json:"inspectors"`
	Method      string    `json:"method"`
	Summary     string    `json:"summary"`
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	Findings    []Finding `json:"findings"`
}

// Finding is a problem an inspection found: the unit that must rectify
// it by Due, and the ledger task that tracks the rectification.
type Finding struct {
	ID           int64          `json:"id"`
	InspectionID int64          `json:"inspection_id"`
	Inspection   string         `json:"inspection"` // the inspection's title
	Kind         string         `json:"kind"`       // the inspection's kind
	HeldOn       string         `json:"held_on"`    // the inspection's day
	Description  string         `json:"description"`
	UnitID       int64          `json:"unit_id"`
	Unit         string         `json:"unit"`
	Due          string         `json:"due"`
	State        string         `json:"state"` // rectifying, passed
	TaskID       int64          `json:"task_id,omitempty"`
	TaskStatus   string         `json:"task_status,omitempty"`
	CreatedBy    string         `json:"created_by"`
	CreatedAt    time.Time      `json:"created_at"`
	Files        []Attachment   `json:"files"`
	Rechecks     []FindingCheck `json:"rechecks"`
}

// The finding's states: being rectified (again, after a failed 复查),
// and passed at 复查.
const (
	FindingRectifying = "rectifying"
	FindingPassed     = "passed"
)

// FindingCheck is a 复查: the day, whether the rectification passed, the
// office's note and, when it failed, the new deadline.
type FindingCheck struct {
	ID     int64     `json:"id"`
	HeldOn string    `json:"held_on"`
	Passed bool      `json:"passed"`
	Note   string    `json:"note"`
	NewDue string    `json:"new_due,omitempty"`
	Actor  string    `json:"actor"`
	At     time.Time `json:"at"`
}

// FindingFilter narrows the 问题清单: by units (Scoped: only those, for
// a liaison), an inspection, a state, a year of the inspections.
type FindingFilter struct {
	Units        []int64
	Scoped       bool
	InspectionID int64
	State        string
	Year         int
}
