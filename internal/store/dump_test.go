package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"
)

// dumpTables reads every table of the database into canonical text: per
// table (all of them, as the schema lists them, so tables added later are
// covered too), its rows rendered column by column and sorted. Two
// databases with equal dumps hold the same data.
func dumpTables(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	ctx := context.Background()
	tables, err := db.tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dump := map[string][]string{}
	for _, table := range tables {
		dump[table] = dumpTable(t, ctx, db, table)
	}
	return dump
}

func dumpTable(t *testing.T, ctx context.Context, db *DB, table string) []string {
	t.Helper()
	rows, err := db.read.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		t.Fatalf("dump %s: %v", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(cols) // a column added by ALTER TABLE ends last; order must not matter
	rows.Close()
	rows, err = db.read.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table)
	if err != nil {
		t.Fatalf("dump %s: %v", table, err)
	}
	defer rows.Close()
	var out []string
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		fields := make([]string, len(cols))
		for i, v := range vals {
			fields[i] = cols[i] + "=" + canonical(v)
		}
		out = append(out, strings.Join(fields, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("dump %s: %v", table, err)
	}
	sort.Strings(out)
	return out
}

// canonical renders one column value so that equal values print alike.
func canonical(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return fmt.Sprintf("%q", x)
	case string:
		return fmt.Sprintf("%q", x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(x)
	}
}

// diffDumps reports the first differences between two dumps.
func diffDumps(t *testing.T, want, got map[string][]string) {
	t.Helper()
	for table, w := range want {
		g, ok := got[table]
		if !ok {
			t.Errorf("table %s missing", table)
			continue
		}
		if len(g) != len(w) {
			t.Errorf("table %s: %d rows, want %d", table, len(g), len(w))
			continue
		}
		for i := range w {
			if g[i] != w[i] {
				t.Errorf("table %s row %d:\n got %s\nwant %s", table, i, g[i], w[i])
				break
			}
		}
	}
	for table := range got {
		if _, ok := want[table]; !ok {
			t.Errorf("extra table %s", table)
		}
	}
}
