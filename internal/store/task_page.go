package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"errors"
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
	// The page's rows are read whole by the query that picks them.
	var tasks []Task
	q, err := db.readTaskPage(ctx, f, true, taskColumns, "", func(rows *sql.Rows, more any) (int, error) {
		var err error
		tasks, err = scanTasks(rows, more)
		return len(tasks), err
	})
	if q.tx != nil {
		defer q.tx.Rollback()
	}
	if err != nil || len(tasks) == 0 {
		page.Total = q.total
		return page, err
	}
	page.Total = q.total
	if len(tasks) > q.limit {
		tasks = tasks[:q.limit]
		last := &tasks[len(tasks)-1]
		page.NextCursor = cursorAt(f.Sort, last.NextDue, last.LastReportAt, last.PlanID, last.Seq)
	}
	ids := make([]int64, len(tasks))
	for i := range tasks {
		ids[i] = tasks[i].ID
	}
	if err := db.fillTaskChildren(ctx, q.tx, db.ofTaskList(ids, db.readStmt), tasks); err != nil {
		return page, err
	}
	page.Items = tasks
	return page, nil
}

// pageLimit is the page size a filter asks for: 50 unless it says, at
// most 500.
func pageLimit(f TaskFilter) int {
	if f.Limit <= 0 {
		return 50
	}
	return min(f.Limit, 500)
}

// pageRead is a page query's outcome: the read transaction it ran in
// (nil if none began or none was asked for; the caller rolls it back),
// the total and the page size asked for (the query reads one row more,
// to tell a next page).
type pageRead struct {
	tx           *sql.Tx
	total, limit int
}

// readTaskPage runs the filter's page query, in a read transaction when
// inTx (for more reads of the same snapshot), else as it is: SELECT cols
// FROM tasks t (joined to the search's matches, then join), in the
// filter's order from its cursor, at most limit+1 rows, which scan reads,
// returning how many. When the filter's total is not yet counted at this
// data version, a search counts its matches in the same query (a last
// column, which scan puts in more), another filter in a COUNT.
func (db *DB) readTaskPage(ctx context.Context, f TaskFilter, inTx bool, cols, join string, scan func(rows *sql.Rows, more any) (int, error)) (pageRead, error) {
	var q pageRead
	if f.Scoped && len(f.ScopeUnits) == 0 {
		return q, nil
	}
	cond, args := db.taskWhere(f)
	from := ` FROM tasks t`
	if with, arg, ok := db.searchFrom(f.Q); ok {
		from = with + `SELECT % FROM m JOIN tasks t ON t.id = m.id`
		args = append([]any{arg}, args...)
	} else {
		from = `SELECT %` + from
	}
	q.limit = pageLimit(f)
	after, afterArgs, err := keysetAfter(f)
	if err != nil {
		return q, err
	}
	version, err := db.ScopeVersion(ctx, []string{ScopeLedger})
	if err != nil {
		return q, err
	}
	countKey := cond + "\x00" + fmt.Sprintf("%q", args)
	total, counted := db.counts.get(countKey, version)

	if inTx {
		if q.tx, err = db.beginRead(ctx); err != nil {
			return q, fmt.Errorf("store: find tasks: %w", err)
		}
	}
	pageCond, pageArgs := cond, slices.Clone(args)
	if after != "" {
		pageCond, pageArgs = andWhere(cond, after), append(pageArgs, afterArgs...)
	}
	queryRow := db.read.QueryRowContext
	if q.tx != nil {
		queryRow = q.tx.QueryRowContext
	}
	// An offset becomes a cursor: the row before the page is found by
	// walking the sort's index alone, and the page is read after it as a
	// cursor's is. An OFFSET in the page's own query built every row it
	// skipped, entries and all: 60 pages a second at 100,000 tasks.
	if f.Offset > 0 {
		var place struct {
			planID int64
			seq    int
			due    dateValue
			at     sql.NullTime
		}
		err := queryRow(ctx, db.dialect.rebind(strings.Replace(from, "%", `t.plan_id, t.seq, t.next_due, t.last_report_at`, 1)+
			pageCond+listOrder(f)+` LIMIT 1 OFFSET `+strconv.Itoa(f.Offset-1)), pageArgs...).Scan(&place.planID, &place.seq, &place.due, &place.at)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			pageCond = andWhere(pageCond, `1 = 0`) // past the end: an empty page
		case err != nil:
			return q, fmt.Errorf("store: find tasks: %w", err)
		default:
			from := f
			from.Cursor = cursorAt(f.Sort, string(place.due), timePtr(place.at), place.planID, place.seq)
			if after, afterArgs, err = keysetAfter(from); err != nil {
				return q, err
			}
			pageCond, pageArgs = andWhere(cond, after), append(slices.Clone(args), afterArgs...)
		}
	}
	// A search has few matches, mostly: they are counted in the page's
	// query. Another list is counted on its own (a cheap index count), once
	// per version.
	window := !counted && f.Q != "" && after == ""
	var n int
	var more any
	if window {
		cols, more = cols+`, COUNT(*) OVER ()`, &n
	}
	// The page size is written into the statement, not bound: SQLite
	// plans a LIMIT it can read, and compiles the statement again each
	// time such a parameter is bound (a fifth of a page's cost). There
	// are few sizes.
	tail := ` LIMIT ` + strconv.Itoa(q.limit+1)
	rows, err := db.queryOn(ctx, q.tx, db.readStmt, db.dialect.rebind(strings.Replace(from, "%", cols, 1)+join+pageCond+listOrder(f)+tail), pageArgs...)
	if err != nil {
		return q, fmt.Errorf("store: find tasks: %w", err)
	}
	read, err := scan(rows, more)
	if err != nil {
		return q, err
	}
	switch {
	case counted:
	case window && read > 0:
		total = n
	default:
		if err := queryRow(ctx, db.dialect.rebind(strings.Replace(from, "%", "COUNT(*)", 1)+cond), args...).Scan(&total); err != nil {
			return q, fmt.Errorf("store: count tasks: %w", err)
		}
	}
	db.counts.put(countKey, version, total)
	q.total = total
	return q, nil
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
// nothing for the plan order; cursorAt makes the one after a task with
// these values.
func cursorAt(sort, nextDue string, lastReport *time.Time, planID int64, seq int) string {
	key := ""
	switch sort {
	case "due":
		key = nextDue
	case "report":
		if lastReport != nil {
			key = strconv.FormatInt(lastReport.UnixMicro(), 10)
		}
	default:
		sort = "plan"
	}
	return base64.RawURLEncoding.EncodeToString([]byte(sort + "|" + key + "|" + strconv.FormatInt(planID, 10) + "|" + strconv.Itoa(seq)))
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

// queryOn is queryIn in tx, or on the read pool when tx is nil.
func (db *DB) queryOn(ctx context.Context, tx *sql.Tx, prep func(context.Context, string) *sql.Stmt, q string, args ...any) (*sql.Rows, error) {
	if tx != nil {
		return queryIn(ctx, tx, prep, q, args...)
	}
	if prep != nil {
		if st := prep(ctx, q); st != nil {
			return st.QueryContext(ctx, args...)
		}
	}
	return db.read.QueryContext(ctx, q, args...)
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
