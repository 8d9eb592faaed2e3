// Package store keeps duban's data in a SQL database: SQLite by default (a
// single file under the data folder, pure Go, no server) or PostgreSQL,
// chosen by a postgres:// DSN, for larger installations. It is the only
// package that holds SQL.
//
// The same hand-written SQL serves both databases: statements are written
// with `?` placeholders in the subset the two engines share, and the small
// per-database differences (driver, pools, placeholder style, how writers
// take turns, migrations folder, backup tool) live in one file each
// (sqlite*.go, postgres*.go). Values read back are the same from both:
// dates as ISO text, instants in UTC to the microsecond.
//
// The schema is built by numbered migrations embedded in the binary, one
// folder per database, applied in a transaction and recorded, so a
// database always says which version it is at; Open refuses a database
// that a newer duban has already upgraded. Backup and Restore copy a whole
// database while it is in use (VACUUM INTO, pg_dump).
//
// Every exported method takes a context first and does its work in one
// transaction, so an import either lands whole or not at all.
package store
