// Package authz decides, in one place, who may do what to which data.
//
// duban keeps the three security administrators apart (三员分立): the
// system administrator manages accounts and the unit registry, the security
// administrator grants roles and unlocks accounts, the audit administrator
// reads the audit log; none can do another's job or touch business data.
// Business roles are the supervision office (督查室, which assigns and
// supervises), unit liaisons (联络员, bound to their units, who read and
// write only their units' tasks) and leaders (read-only, everything).
//
// The package is pure: callers pass a Principal and what they want to do,
// and get a yes or no. Every handler asks here; none decides by itself.
package authz
