// Package intakesvc is ledger intake: a plan document read, parsed,
// checked and stored as a draft; the office's review of that draft (the
// plan's own fields; adding, deleting, splitting, merging and moving
// tasks; correcting a task); and its end — thrown away, or confirmed and
// registered (挂号). The pages, the API and `duban import` all call it, so
// a rule holds everywhere or nowhere. Each operation checks the caller
// through authz, validates with catalogue keys (never sentences), and
// writes through one store call: one transaction with its audit entry.
//
// It is a service of its own rather than part of ledgersvc because
// ledgersvc reads the ledger (statuses, pages, exports) for every role,
// while intake writes, for the office only, before anything is in the
// ledger; the review read model stays in ledgersvc, which both share.
package intakesvc
