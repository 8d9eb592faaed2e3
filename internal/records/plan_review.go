package records

import (
	"github.com/duban/duban/internal/plandoc"
)

// PlanUpdate changes the plan's own fields that are not nil.
type PlanUpdate struct {
	Title, DocNumber, Issuer *string
	IssuedOn                 *string // ISO date, "" for none
	Year                     *int
}

// NewTask is a task the office adds to a draft.
type NewTask struct {
	// After is the task the new one follows; 0 puts it first.
	After int64
	// Task holds the path, title, text, deadlines, targets, milestones,
	// weight and optional flag; its unit lists are ignored for Units.
	Task plandoc.Task
	// Units are the task's units with their registry links.
	Units []UnitLink
	// Place, when set, decides the task's place and numbering from the
	// plan's tasks as the write transaction reads them (document order),
	// so that two additions at once never take the same path: it returns
	// the task to follow (0: first) and the path. It overrides After, and
	// Task.Path when that is empty.
	Place func(tasks []Task) (after int64, path []string)
}
