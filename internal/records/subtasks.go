package records

import "github.com/duban/duban/internal/audit"

// SubtaskInput is one sub-task to create under a parent: its title and
// words, the registry unit that answers for it (the sub-task's lead), its
// deadline (ISO date) and its weight in the parent's progress.
type SubtaskInput struct {
	Title    string
	Text     string
	UnitID   int64
	UnitName string // the unit's registry name, as the sub-task lists it
	Due      string
	Weight   float64
}

// SubtaskBatch is a split: the sub-tasks, all created or none, and what
// the split came from, for the audit log (a 落实计划's file name and
// SHA-256; empty when typed into the form).
type SubtaskBatch struct {
	Actor        audit.Actor
	Items        []SubtaskInput
	SourceName   string
	SourceSHA256 string
	// PassDown marks a catch-all unit's task passed down to its members
	// (分解下达): an item whose unit already holds a sub-task of the
	// parent is left out, in the same transaction, so that passing down
	// twice adds nobody twice; when none is left nothing is written.
	PassDown bool
}

// EventSplit is the step of a task's history where it was split into
// sub-tasks (任务分解).
const EventSplit = "split"
