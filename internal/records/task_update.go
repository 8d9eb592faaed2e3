package records

import (
	"github.com/duban/duban/internal/plandoc"
)

// UnitLink is one responsible unit of a task as the office sets it at
// review: the name as written, whether it leads, and the registry unit it
// stands for (0 when not yet matched).
type UnitLink struct {
	Name   string `json:"name"`
	Lead   bool   `json:"lead"`
	UnitID int64  `json:"unit_id,omitempty"`
}

// TaskUpdate changes the fields that are not nil; a list that is set
// replaces the task's list, a list left nil is kept.
type TaskUpdate struct {
	// Plan, when not 0, makes the update a review edit of that draft: a
	// task of another plan is not found (ErrNotFound) and a plan no longer
	// a draft refuses it (ErrNotDraft), both checked in the transaction.
	Plan int64

	Title, Text, Goal, Owner, Requirement, Measure *string
	Path                                           *[]string // the numbering labels from the top
	Weight                                         **float64 // set to a nil *float64 to clear
	Units                                          *[]UnitLink
	Deadlines                                      *[]plandoc.Deadline
	Targets                                        *[]plandoc.Target
	Milestones                                     *[]plandoc.Milestone
}

// LinkIDs are the registry units of links (0 for a name the registry
// does not hold), in their order.
func LinkIDs(links []UnitLink) []int64 {
	ids := make([]int64, 0, len(links))
	for _, l := range links {
		ids = append(ids, l.UnitID)
	}
	return ids
}
