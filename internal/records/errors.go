package records

import "github.com/duban/duban/internal/fault"

// ErrBadEmail is an e-mail address that cannot be one; it is ErrInvalid.
var ErrBadEmail = &fault.Error{Code: fault.Invalid, Key: "error.email_invalid"}

// ErrClosed is returned, wrapped, for a change to a closed task (已销号):
// closed tasks are read-only.
var ErrClosed = fault.New(fault.State, "error.task_closed")

// ErrRevoked is returned, wrapped, for a change to a revoked task (已撤销):
// revoked tasks are read-only too.
var ErrRevoked = fault.New(fault.State, "error.task_revoked")

// ErrNotDraft is returned, wrapped, when a review edit (the plan's own
// fields, adding, deleting, splitting, merging or moving a task, throwing
// the plan away) meets a plan that is no longer a draft. It is ErrConflict.
var ErrNotDraft = fault.New(fault.Conflict, "plans.error.not_draft")
