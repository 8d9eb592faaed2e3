package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/records"
)

// A task list page read as entries (migration 0040) costs one row per
// task: the task's state, its entry's revision and the entry. Reading
// the task whole with its four kinds of children cost a page six times
// as much on SQLite, and the JSON made of them again as much.

// entryColumns are what FindTaskListing reads of a task and its entry row
// e (joined by entryJoin).
const (
	entryColumns = `t.id, t.plan_id, t.seq, t.status, %s, t.percent, %s, COALESCE(e.rev, -1), e.shape, e.entry`
	entryJoin    = ` LEFT JOIN task_entries e ON e.task_id = t.id`
)

// FindTaskListing returns a page of the filter's tasks as FindTaskPage
// does, but as their entries of the shape asked for: where a task has
// none, the whole task is read instead.
func (db *DB) FindTaskListing(ctx context.Context, f TaskFilter, shape string) (records.TaskListing, error) {
	listing := records.TaskListing{Items: []records.ListedTask{}}
	// The last report's instant is read for the cursor of that order only.
	reported := `NULL`
	if f.Sort == "report" {
		reported = `t.last_report_at`
	}
	type place struct {
		planID int64
		seq    int
		at     *time.Time
	}
	places := make([]place, 0, pageLimit(f)+1)
	listing.Items = make([]records.ListedTask, 0, pageLimit(f)+1)
	// SQLite keeps a date as its text; read as such, the driver does not
	// parse it into a time.Time that would be formatted back.
	nextDue := `t.next_due`
	if db.dialect.name == "sqlite" {
		nextDue = `CAST(t.next_due AS TEXT)`
	}
	// One statement, in no transaction of its own: a task whose entry is
	// missing is read whole afterwards, in a later snapshot maybe, which
	// is no harm — an entry built from it is kept only at the revision
	// the page read, which any change since has moved.
	q, err := db.readTaskPage(ctx, f, false, fmt.Sprintf(entryColumns, nextDue, reported), entryJoin, func(rows *sql.Rows, more any) (int, error) {
		defer rows.Close()
		// The entry is read as the string the driver makes of it: no copy.
		var next dateValue
		var percent sql.NullFloat64
		var at sql.NullTime
		var kept sql.RawBytes
		var entry sql.NullString
		for rows.Next() {
			var it records.ListedTask
			var p place
			dst := []any{&it.ID, &p.planID, &p.seq, &it.Status, &next, &percent, &at, &it.Rev, &kept, &entry}
			if more != nil {
				dst = append(dst, more)
			}
			if err := rows.Scan(dst...); err != nil {
				return 0, fmt.Errorf("store: scan task entry: %w", err)
			}
			it.NextDue, p.at = string(next), timePtr(at)
			if percent.Valid {
				v := percent.Float64
				it.Percent = &v
			}
			if entry.Valid && entry.String != "" && string(kept) == shape {
				it.Entry = entry.String
			}
			listing.Items = append(listing.Items, it)
			places = append(places, p)
		}
		if err := rows.Err(); err != nil {
			return 0, fmt.Errorf("store: find tasks: %w", err)
		}
		return len(listing.Items), nil
	})
	listing.Total = q.total
	if err != nil {
		return listing, err
	}
	if len(listing.Items) > q.limit {
		listing.Items = listing.Items[:q.limit]
		last, p := &listing.Items[q.limit-1], places[q.limit-1]
		listing.NextCursor = cursorAt(f.Sort, last.NextDue, p.at, p.planID, p.seq)
	}
	var missing []int64
	for _, it := range listing.Items {
		if it.Entry == "" {
			missing = append(missing, it.ID)
		}
	}
	if len(missing) == 0 {
		return listing, nil
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return listing, fmt.Errorf("store: find tasks: %w", err)
	}
	defer tx.Rollback()
	// Read under the filter again, the scope and drafts included: a task
	// that left them since the page was read is left out. The tasks are
	// named by one argument, so the statement is one for any number.
	cond, args := db.taskWhere(f)
	scope := db.ofTaskList(missing, db.readStmt)
	tasks, err := db.queryTasksIn(ctx, tx, scope, andWhere(cond, scope.taskWhere), append(args, scope.args...))
	if err != nil {
		return listing, err
	}
	byID := make(map[int64]*Task, len(tasks))
	for i := range tasks {
		byID[tasks[i].ID] = &tasks[i]
	}
	kept := listing.Items[:0]
	for _, it := range listing.Items {
		if it.Entry == "" {
			// One deleted, or out of the filter, since the page was read.
			if it.Task = byID[it.ID]; it.Task == nil {
				continue
			}
		}
		kept = append(kept, it)
	}
	listing.Items = kept
	return listing, nil
}

// SaveTaskEntries stores entries of a shape built for tasks read at their
// revisions, in one transaction: each where the task's entry row is
// still at that revision, or, for a task that had none (-1), where none
// has been made since. An entry a change overtook is left out; it
// returns how many were stored.
func (db *DB) SaveTaskEntries(ctx context.Context, shape string, entries []records.TaskEntry) (int, error) {
	if len(entries) == 0 {
		return 0, nil
	}
	// A writer's turn, as every write takes it: on PostgreSQL the rows
	// are then locked by one writer at a time, never in a circle with a
	// writer that changes two tasks in the opposite order.
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: save task entries: %w", err)
	}
	defer tx.Rollback()
	// Many at once (a fill walks every task): multi-row statements of
	// batchRows entries, the new rows inserted, the others updated where
	// their revision still is the one read.
	var fresh, known []records.TaskEntry
	for _, e := range entries {
		if e.Rev < 0 {
			fresh = append(fresh, e)
		} else {
			known = append(known, e)
		}
	}
	insertMark, updateMark := "(?, 0, ?, ?)", "(?, ?, ?)"
	if db.Kind() == "postgres" {
		insertMark, updateMark = "(CAST(? AS BIGINT), 0, CAST(? AS TEXT), CAST(? AS TEXT))", "(CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TEXT))"
	}
	stored := 0
	run := func(chunk []records.TaskEntry, mark string, lead []any, args func(records.TaskEntry) []any, statement func(values string) string) error {
		marks := make([]string, len(chunk))
		all := append(make([]any, 0, len(lead)+3*len(chunk)), lead...)
		for i, e := range chunk {
			marks[i] = mark
			all = append(all, args(e)...)
		}
		res, err := tx.ExecContext(ctx, db.dialect.rebind(statement(strings.Join(marks, ", "))), all...)
		if err != nil {
			return fmt.Errorf("store: save task entries: %w", err)
		}
		n, _ := res.RowsAffected()
		stored += int(n)
		return nil
	}
	for start := 0; start < len(fresh); start += batchRows {
		if err := run(fresh[start:min(start+batchRows, len(fresh))], insertMark, nil,
			func(e records.TaskEntry) []any { return []any{e.ID, shape, e.Entry} },
			func(values string) string {
				return `INSERT INTO task_entries (task_id, rev, shape, entry) VALUES ` + values + ` ON CONFLICT (task_id) DO NOTHING`
			}); err != nil {
			return 0, err
		}
	}
	for start := 0; start < len(known); start += batchRows {
		if err := run(known[start:min(start+batchRows, len(known))], updateMark, []any{shape},
			func(e records.TaskEntry) []any { return []any{e.ID, e.Rev, e.Entry} },
			func(values string) string {
				return `UPDATE task_entries SET shape = CAST(? AS TEXT), entry = v.column3
					FROM (VALUES ` + values + `) AS v WHERE task_entries.task_id = v.column1 AND task_entries.rev = v.column2`
			}); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: save task entries: %w", err)
	}
	return stored, nil
}

// TasksWithoutEntry returns up to limit tasks after the task afterID, in
// id order, that have no entry of the shape, whole, with the revisions
// they were read at: what a walk that builds the missing entries needs.
func (db *DB) TasksWithoutEntry(ctx context.Context, shape string, afterID int64, limit int) ([]records.ListedTask, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: tasks without entry: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT t.id, COALESCE(e.rev, -1) FROM tasks t`+entryJoin+`
		WHERE t.id > ? AND (e.entry IS NULL OR e.shape <> ?) ORDER BY t.id LIMIT ?`), afterID, shape, limit)
	if err != nil {
		return nil, fmt.Errorf("store: tasks without entry: %w", err)
	}
	var out []records.ListedTask
	var ids []int64
	for rows.Next() {
		var it records.ListedTask
		if err := rows.Scan(&it.ID, &it.Rev); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: tasks without entry: %w", err)
		}
		out, ids = append(out, it), append(ids, it.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return out, err
	}
	scope := db.ofTaskList(ids, nil)
	tasks, err := db.queryTasksIn(ctx, tx, scope, ` WHERE `+scope.taskWhere, scope.args)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Task, len(tasks))
	for i := range tasks {
		byID[tasks[i].ID] = &tasks[i]
	}
	kept := out[:0]
	for _, it := range out {
		if it.Task = byID[it.ID]; it.Task != nil {
			kept = append(kept, it)
		}
	}
	return kept, nil
}
