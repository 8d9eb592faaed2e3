package web

import (
	"context"

	"github.com/duban/duban/internal/records"
)

// Changes is how a registered task changes with its history kept
// (package changesvc): a unit's 延期申请, the office's decision on it,
// its 调整 and 撤销. Nil leaves the forms and the 变更记录 out.
type Changes interface {
	// Task returns the task's changes and what the user may do, given
	// the task's workflow state.
	Task(ctx context.Context, id int64, workflow string) (*TaskChanges, error)
	// OpenExtensions lists the requests awaiting the office's decision
	// that the user may read, oldest first.
	OpenExtensions(ctx context.Context) ([]records.OpenExtension, error)
	// RequestExtension asks, for the user's unit, for a new deadline.
	RequestExtension(ctx context.Context, id int64, newDue, reason string) error
	// DecideExtension approves or refuses the open request (the office).
	DecideExtension(ctx context.Context, id int64, approve bool, comment string) error
	// Adjust changes the task's units, deadline or content (the office).
	Adjust(ctx context.Context, id int64, in AdjustEdit) error
	// Revoke revokes the task with a reason (the office).
	Revoke(ctx context.Context, id int64, reason string) error
}

// TaskChanges is a task's 变更记录 and the change forms the user gets.
type TaskChanges struct {
	History []records.TaskChange // newest first
	// Open is the extension request awaiting a decision, or nil.
	Open *records.TaskChange
	// CanRequest: a liaison of the task's unit, the task open and no
	// request waiting. CanDecide, CanChange: the office, on a request
	// waiting, on a task in the ledger and not finished.
	CanRequest, CanDecide, CanChange bool
	// Due is the deadline a change of deadline moves, as it stands.
	Due string
}

// AdjustEdit is the 调整 form as posted: a field left nil stays. Lead and
// Coop are the unit names, one per line or separated by 、，,.
type AdjustEdit struct {
	Title, Text, Requirement, Due *string
	Lead, Coop                    []string
	UnitsSet                      bool
	Reason                        string
}
