package store

import (
	"fmt"
	"strings"
	"time"
)

// dateLayout is how calendar dates travel between the parser and the
// database: ISO 8601, no time, no zone.
const dateLayout = "2006-01-02"

// checkDate accepts "" (no date) or a real ISO date.
func checkDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(dateLayout, s); err != nil {
		return fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return nil
}

// nullDate turns "" into NULL. The date goes in as its ISO text, which
// SQLite keeps as is and PostgreSQL reads as a DATE.
func nullDate(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullString turns "" into NULL, for optional text columns.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// dateValue scans a DATE column into ISO text, "" for NULL. Drivers differ
// in what they hand back for a DATE — modernc a time.Time when the text
// parses, else the text; pgx a time.Time — so it accepts each of them.
type dateValue string

// Scan implements sql.Scanner.
func (d *dateValue) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = ""
	case time.Time:
		*d = dateValue(v.Format(dateLayout))
	case string:
		*d = dateValue(v)
	case []byte:
		*d = dateValue(v)
	default:
		return fmt.Errorf("store: scan date: unexpected %T", src)
	}
	return nil
}

// nonNil returns s, or an empty slice for nil, so stored and returned
// lists are [] rather than null in JSON.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// marks returns n comma-separated placeholders, for an IN list.
func marks(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }
