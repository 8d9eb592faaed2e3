package records

import (
	"time"

	"github.com/duban/duban/internal/ledger"
)

// TaskFilter selects tasks for the task list; zero fields select all.
type TaskFilter struct {
	PlanID int64
	UnitID int64  // tasks one of whose units is this registry unit
	Q      string // text in the title or the task's text
	// Source selects the tasks of one source of work (records.Sources):
	// a plan document's, or the 督办件 of one kind of source.
	Source string
	// Status and Light select by the ledger's derived status and light
	// (package ledger), read against Today and DueSoonLimit, which the
	// caller computes on the working-day calendar.
	Status       ledger.Status
	Light        ledger.Light
	Today        time.Time
	DueSoonLimit time.Time
	// DueFrom and DueTo bound the next due date (inclusive).
	DueFrom, DueTo time.Time
	// Recurring selects tasks with a reporting cadence (每月, 每季度…).
	Recurring bool
	// Registered leaves out draft tasks (plans under review), which only
	// the office sees.
	Registered bool
	// Published keeps the tasks of the plans on the public portal.
	Published bool
	// Scoped limits the list to tasks of ScopeUnits (a liaison's units);
	// with no units, a scoped list is empty.
	Scoped     bool
	ScopeUnits []int64
	Sort       string // "plan" (default), "due", "report"
	Limit      int    // 0 means 50; at most 500
	Offset     int
	// Cursor is a page's NextCursor: the list goes on after the task it
	// names, found through the sort's index instead of walking Offset
	// rows. It is the store's opaque text; a cursor of another sort is
	// invalid.
	Cursor string
}
