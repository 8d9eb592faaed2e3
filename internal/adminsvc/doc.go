// Package adminsvc is the administration of users and units and the
// reading of the audit log, as use cases: each method checks who may do
// it (三员分立 through authz), validates, and writes with its audit. The
// pages and the API both call it, so an account, a unit or an export is
// handled by one set of rules whichever way it is asked for. Setting up
// the first account and signing in are package signin's.
package adminsvc
