package store

import (
	"database/sql"
	"strconv"
	"strings"
)

// dialect is everything that differs between the databases duban runs on.
// SQL text is shared; a dialect only says how to reach the database, how
// placeholders are spelled, how writers take turns and where its
// migrations live. Each database's values are in its own file (sqlite.go,
// postgres.go).
type dialect struct {
	// name is the dialect's name and its folder under migrations/.
	name string
	// driver is the database/sql driver name.
	driver string
	// dollar is true when placeholders are $1, $2, … (PostgreSQL) instead
	// of ? (SQLite).
	dollar bool
	// migrationsTable creates the table that records applied migrations.
	// It exists before any migration, so it cannot be one.
	migrationsTable string
	// lockWriters is run first in every write transaction, so that writers
	// take turns; "" where the database does that itself.
	lockWriters string
	// readTx are the options of a read transaction: read-only, and on a
	// database that would otherwise take a snapshot per statement, one
	// snapshot for the whole transaction.
	readTx sql.TxOptions
	// tablesQuery lists the tables duban made (not the engine's own), one
	// name a row.
	tablesQuery string
	// unitColumnsQuery lists every column that points at a unit, as
	// (table, column) rows: those named unit_id and those with a foreign
	// key to units. A merge of units moves them all or refuses.
	unitColumnsQuery string
}

// rebind rewrites a statement written with ? placeholders into the
// dialect's style. Question marks inside quoted strings and identifiers are
// left alone; the store's SQL has no other use for them.
func (d dialect) rebind(q string) string {
	if !d.dollar || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	var quote byte // the quote character we are inside, or 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
