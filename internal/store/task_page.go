package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/duban/duban/internal/records"
)

// FindTasks returns a page of tasks in plan and document order, with their
// units, deadlines, targets and milestones, and how many match in all.
func (db *DB) FindTasks(ctx context.Context, f TaskFilter) ([]Task, int, error) {
	p, err := db.FindTaskPage(ctx, f)
	return p.Items, p.Total, err
}

// FindTaskPage returns a page of tasks in the filter's order, how many
// match in all and the cursor of the next page. A page opened by a cursor
// starts from the sort's index where the cursor points (keyset paging),
// so a page deep in the list costs what the first does; Offset is still
// applied, after the cursor. The total is counted once per data version
// for each filter; a search counts its matches in the page's own query.
func (db *DB) FindTaskPage(ctx context.Context, f TaskFilter) (records.TaskPage, error) {
	page := records.TaskPage{Items: []Task{}}
	if f.Scoped && len(f.ScopeUnits) == 0 {
		return page, nil
	}
	cond, args := db.taskWhere(f)
	from := ` FROM tasks t`
	if with, arg, ok := db.searchFrom(f.Q); ok {
		from = with + `SELECT % FROM m JOIN tasks t ON t.id = m.id`
		args = append([]any{arg}, args...)
	} else {
		from = `SELECT %` + from
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	after, afterArgs, err := keysetAfter(f)
	if err != nil {
		return page, err
	}
	version, err := db.ScopeVersion(ctx, []string{ScopeLedger})
	if err != nil {
		return page, err
	}
	countKey := cond + "\x00" + fmt.Sprintf("%q", args)
	total, counted := db.counts.get(countKey, version)

	tx, err := db.beginRead(ctx)
	if err != nil {
		return page, fmt.Errorf("store: find tasks: %w", err)
	}
	defer tx.Rollback()
	pageCond, pageArgs := cond, slices.Clone(args)
	if after != "" {
		pageCond, pageArgs = andWhere(cond, after), append(pageArgs, afterArgs...)
	}
	// A search has few matches, mostly: they are counted in the page's
	// query. Another list is counted on its own (a cheap index count), once
	// per version.
	window := !counted && f.Q != "" && after == ""
	// The page's rows are read whole by the query that picks them.
	cols := taskColumns
	var n int
	var more any
	if window {
		cols, more = cols+`, COUNT(*) OVER ()`, &n
	}
	rows, err := queryIn(ctx, tx, db.readStmt, db.dialect.rebind(strings.Replace(from, "%", cols, 1)+pageCond+listOrder(f)+` LIMIT ? OFFSET ?`),
		append(pageArgs, limit+1, max(f.Offset, 0))...)
	if err != nil {
		return page, fmt.Errorf("store: find tasks: %w", err)
	}
	tasks, err := scanTasks(rows, more)
	if err != nil {
		return page, err
	}
	switch {
	case counted:
	case window && len(tasks) > 0:
		total, counted = n, true
	default:
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(strings.Replace(from, "%", "COUNT(*)", 1)+cond), args...).Scan(&total); err != nil {
			return page, fmt.Errorf("store: count tasks: %w", err)
		}
		counted = true
	}
	db.counts.put(countKey, version, total)
	page.Total = total
	hasMore := len(tasks) > limit
	if hasMore {
		tasks = tasks[:limit]
	}
	if len(tasks) == 0 {
		return page, nil
	}
	ids := make([]int64, len(tasks))
	for i := range tasks {
		ids[i] = tasks[i].ID
	}
	if err := db.fillTaskChildren(ctx, tx, db.ofTaskList(ids, db.readStmt), tasks); err != nil {
		return page, err
	}
	page.Items = tasks
	if hasMore {
		page.NextCursor = cursorOf(f.Sort, &tasks[len(tasks)-1])
	}
	return page, nil
}

// pageIDs runs SELECT t.id FROM tasks t + tail.
func (db *DB) pageIDs(ctx context.Context, tx *sql.Tx, tail string, args []any) ([]int64, error) {
	ids, _, err := db.pageIDsCounted(ctx, tx, nil, false, `SELECT % FROM tasks t`, tail, args)
	return ids, err
}

// pageIDsCounted is pageIDs from the tasks of from, a SELECT whose column
// list is the % it holds; with window, each row also carries how many rows
// match before the LIMIT, which is returned.
func (db *DB) pageIDsCounted(ctx context.Context, tx *sql.Tx, prep func(context.Context, string) *sql.Stmt, window bool, from, tail string, args []any) ([]int64, int, error) {
	cols := `t.id`
	if window {
		cols = `t.id, COUNT(*) OVER ()`
	}
	rows, err := queryIn(ctx, tx, prep, db.dialect.rebind(strings.Replace(from, "%", cols, 1)+tail), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: find tasks: %w", err)
	}
	defer rows.Close()
	var ids []int64
	var n int
	for rows.Next() {
		var id int64
		dst := []any{&id}
		if window {
			dst = append(dst, &n)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, 0, fmt.Errorf("store: find tasks: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, n, rows.Err()
}

func andWhere(cond, more string) string {
	if cond == "" {
		return " WHERE " + more
	}
	return cond + " AND " + more
}

// listOrder is the filter's ORDER BY; NULL dates sort last on both
// databases. Every order ends in (plan_id, seq), which is unique, so that
// a cursor names one place.
func listOrder(f TaskFilter) string {
	switch f.Sort {
	case "due":
		return " ORDER BY (t.next_due IS NULL), t.next_due, t.plan_id, t.seq"
	case "report":
		return " ORDER BY (t.last_report_at IS NULL), t.last_report_at DESC, t.plan_id, t.seq"
	}
	return " ORDER BY t.plan_id, t.seq"
}

// A cursor is base64url of "sort|key|plan_id|seq", key being the next due
// date or the last report's instant (Unix microseconds), "" for none, and
// nothing for the plan order.
func cursorOf(sort string, t *Task) string {
	key := ""
	switch sort {
	case "due":
		key = t.NextDue
	case "report":
		if t.LastReportAt != nil {
			key = strconv.FormatInt(t.LastReportAt.UnixMicro(), 10)
		}
	default:
		sort = "plan"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(sort + "|" + key + "|" + strconv.FormatInt(t.PlanID, 10) + "|" + strconv.Itoa(t.Seq)))
}

// keysetAfter is the condition over tasks t selecting what follows the
// filter's cursor in its order, and its arguments; "" without a cursor.
func keysetAfter(f TaskFilter) (string, []any, error) {
	if f.Cursor == "" {
		return "", nil, nil
	}
	bad := fmt.Errorf("store: task list cursor %q: %w", f.Cursor, ErrInvalid)
	raw, err := base64.RawURLEncoding.DecodeString(f.Cursor)
	if err != nil {
		return "", nil, bad
	}
	parts := strings.Split(string(raw), "|")
	sort := f.Sort
	if sort != "due" && sort != "report" {
		sort = "plan"
	}
	if len(parts) != 4 || parts[0] != sort {
		return "", nil, bad
	}
	plan, err1 := strconv.ParseInt(parts[2], 10, 64)
	seq, err2 := strconv.Atoi(parts[3])
	if err1 != nil || err2 != nil {
		return "", nil, bad
	}
	key := parts[1]
	// A row value compares as the index is ordered, and both databases
	// seek the index to it.
	inPlan := "(t.plan_id, t.seq) > (?, ?)"
	planArgs := []any{plan, seq}
	switch {
	case sort == "plan":
		return inPlan, planArgs, nil
	case key == "" && sort == "due":
		return "(t.next_due IS NULL AND " + inPlan + ")", planArgs, nil
	case key == "":
		return "(t.last_report_at IS NULL AND " + inPlan + ")", planArgs, nil
	case sort == "due":
		if _, err := time.Parse(dateLayout, key); err != nil {
			return "", nil, bad
		}
		return "(t.next_due IS NULL OR t.next_due > ? OR (t.next_due = ? AND " + inPlan + "))", append([]any{key, key}, planArgs...), nil
	}
	us, err := strconv.ParseInt(key, 10, 64)
	if err != nil {
		return "", nil, bad
	}
	at := time.UnixMicro(us).UTC()
	return "(t.last_report_at IS NULL OR t.last_report_at < ? OR (t.last_report_at = ? AND " + inPlan + "))", append([]any{at, at}, planArgs...), nil
}

// countMemo keeps the totals of recent filters for the data version they
// were counted at: a list paged through, or opened by many, is counted
// once until something changes.
type countMemo struct {
	mu sync.Mutex
	m  map[string]countAt
}

type countAt struct {
	version int64
	total   int
}

// countMemoSize bounds the memo; past it the memo starts over.
const countMemoSize = 4096

func (c *countMemo) get(key string, version int64) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	return e.total, ok && e.version == version
}

func (c *countMemo) put(key string, version int64, total int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= countMemoSize {
		c.m = map[string]countAt{}
	}
	c.m[key] = countAt{version, total}
}

// ofTaskList is the listed tasks as one argument (a JSON array SQLite
// unpacks, an array PostgreSQL compares with = ANY), so that the
// statements over them read the same whatever the tasks and are prepared
// once (prep). PostgreSQL plans a statement prepared over a JSON list
// generically as a scan of the whole child table (10 ms a page at 20,000
// tasks); over an array it seeks the index.
func (db *DB) ofTaskList(ids []int64, prep func(context.Context, string) *sql.Stmt) childScope {
	open, closing := byte('['), byte(']')
	in := `IN (SELECT value FROM json_each(?))`
	if db.dialect.name != "sqlite" {
		open, closing = '{', '}'
		in = `= ANY(CAST(CAST(? AS TEXT) AS BIGINT[]))`
	}
	var b strings.Builder
	b.WriteByte(open)
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	b.WriteByte(closing)
	return childScope{where: `c.task_id ` + in, taskWhere: `t.id ` + in, args: []any{b.String()}, prep: prep}
}

// queryIn runs a query in tx, through the statement prep prepared for it
// when prep has one.
func queryIn(ctx context.Context, tx *sql.Tx, prep func(context.Context, string) *sql.Stmt, q string, args ...any) (*sql.Rows, error) {
	if prep != nil {
		if st := prep(ctx, q); st != nil {
			return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
		}
	}
	return tx.QueryContext(ctx, q, args...)
}

// readStmts keeps the task list's statements prepared on the read pool,
// by their text: parsing a statement cost SQLite about a fifth of a page.
type readStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// readStmtsMax bounds the statements kept; past it, new texts (filters
// seldom used) are run unprepared.
const readStmtsMax = 256

// readStmt is the statement of q prepared on the read pool, for a read
// transaction (beginRead); nil when it cannot be (the bound reached).
func (db *DB) readStmt(ctx context.Context, q string) *sql.Stmt {
	c := &db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok {
		return st
	}
	if len(c.m) >= readStmtsMax {
		return nil
	}
	st, err := db.read.PrepareContext(ctx, q)
	if err != nil {
		return nil
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st
}
