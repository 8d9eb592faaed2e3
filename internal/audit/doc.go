// Package audit defines the audit trail's entries and the hash chain that
// makes it tamper-evident: each entry's hash covers its own fields and the
// hash of the entry before it, so editing, deleting or reordering any past
// entry breaks the chain at that point, and Verify says where.
//
// The package is pure; the store appends entries in the same transaction
// as the change they record.
package audit
