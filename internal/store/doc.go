// Package store keeps duban's data in a SQL database: SQLite by default (a
// single file under the data folder, pure Go, no server) and, later,
// PostgreSQL for larger installations. It is the only package that holds SQL.
//
// The same hand-written SQL serves both databases: statements are written
// with `?` placeholders in the subset the two engines share, and the small
// per-database differences (driver, DSN, placeholder style, migrations
// folder) live in one dialect file each. The schema is built by numbered
// migrations embedded in the binary, applied in a transaction and recorded,
// so a database always says which version it is at; Open refuses a database
// that a newer duban has already upgraded.
//
// Every exported method takes a context first and does its work in one
// transaction, so an import either lands whole or not at all.
package store
