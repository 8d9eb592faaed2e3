// Package audit defines the audit trail's entries and the hash chain that
// makes it tamper-evident: each entry's hash (SHA-256, or SM3 under the
// 国密 suite: a Chain says which) covers its own fields and the hash of
// the entry before it, so editing, deleting or reordering any past
// entry breaks the chain at that point, and Verify says where.
//
// A chain cut short with its head moved back, or re-hashed from some entry
// on, is consistent in itself; checkpoints of the head written outside the
// database (a file only ever appended to, a webhook) catch it, and
// VerifyCheckpoints says where. A retention purge removes the oldest
// entries and leaves a Purge summary in the chain, from which Verify
// starts.
//
// The package is pure but for appending a checkpoint to its file; the
// store appends entries in the same transaction as the change they record.
package audit
