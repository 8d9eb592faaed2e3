package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ReadDashboard counts the ledger's lights overall, by plan and by unit
// (not the catch-all groups), lists the most overdue open tasks and
// counts the year's supervision events by day, as of today with the
// due-soon limit the ledger uses.
func (db *DB) ReadDashboard(ctx context.Context, today, soon time.Time, overdue int) (*Dashboard, error) {
	return db.ReadDashboardIn(ctx, today, soon, overdue, nil)
}

// ReadDashboardIn is ReadDashboard over the tasks of scope's units only
// (an office's or a leader's subtree, 分级督查); nil scope is every task.
func (db *DB) ReadDashboardIn(ctx context.Context, today, soon time.Time, overdue int, scope []int64) (*Dashboard, error) {
	d := &Dashboard{}
	t, s := today.Format(dateLayout), soon.Format(dateLayout)
	// The lights and the rest are read at once, on two of the read
	// pool's connections: a cold reading waits for the longer, not both.
	var lightsErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if scope == nil {
			lightsErr = db.readSummaryLights(ctx, d, today, soon)
		} else {
			lightsErr = db.countLights(ctx, d, t, s, scope)
		}
	}()
	err := db.readDashboardRest(ctx, d, today, overdue, scope)
	<-done
	if err = errors.Join(lightsErr, err); err != nil {
		return nil, err
	}
	return d, nil
}

// readDashboardRest fills what the dashboard shows beside the lights:
// the most overdue tasks, the open notices and the year's events by day.
func (db *DB) readDashboardRest(ctx context.Context, d *Dashboard, today time.Time, overdue int, scope []int64) error {
	t := today.Format(dateLayout)
	var err error
	if d.Overdue, err = db.mostOverdue(ctx, t, overdue, scope); err != nil {
		return err
	}
	if err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT COUNT(*) FROM supervision_events e JOIN tasks t ON t.id = e.task_id
		WHERE e.deadline IS NOT NULL AND e.answered_at IS NULL AND t.status NOT IN ('closed', 'revoked')`+inScope("t.id", scope)), scopeArgs(scope)...).Scan(&d.OpenNotices); err != nil {
		return fmt.Errorf("store: dashboard notices: %w", err)
	}
	yearStart := time.Date(today.Year(), time.January, 1, 0, 0, 0, 0, time.UTC).Format(dateLayout)
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(eventDaysQuery(scope)), scopeArgs(scope, yearStart, t)...)
	if err != nil {
		return fmt.Errorf("store: dashboard events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c DayCount
		var day dateValue
		if err := rows.Scan(&day, &c.Kind, &c.N); err != nil {
			return fmt.Errorf("store: dashboard events: %w", err)
		}
		c.Day, _ = parseDay(string(day))
		d.Events = append(d.Events, c)
	}
	return rows.Err()
}

// countLights fills d's lights by plan and by unit, and the total, by
// counting the tasks of scope's units (every task for nil scope); t and
// s are today and the due-soon limit.
func (db *DB) countLights(ctx context.Context, d *Dashboard, t, s string, scope []int64) error {
	var err error
	if d.ByPlan, err = db.groupLights(ctx, `SELECT id, title FROM plans`, `
		SELECT plan_id, status, `+dueCounts+`, COUNT(*) FROM tasks
		WHERE status NOT IN ('draft', 'revoked')`+inScope("id", scope)+` GROUP BY plan_id, status ORDER BY plan_id`, scopeArgs(scope, t, t, s)...); err != nil {
		return fmt.Errorf("store: dashboard by plan: %w", err)
	}
	for _, p := range d.ByPlan {
		d.All.Red, d.All.Yellow, d.All.Green, d.All.Blue = d.All.Red+p.Red, d.All.Yellow+p.Yellow, d.All.Green+p.Green, d.All.Blue+p.Blue
	}
	// task_units carries its task's status and next due date (migration
	// 0010), so this reads one covering index.
	if d.ByUnit, err = db.groupLights(ctx, `SELECT id, name FROM units WHERE kind <> 'group'`, `
		SELECT unit_id, status, `+dueCounts+`, COUNT(*) FROM task_units
		WHERE unit_id IS NOT NULL AND status NOT IN ('draft', 'revoked')`+unitInScope("unit_id", scope)+` GROUP BY unit_id, status ORDER BY unit_id`, scopeArgs(scope, t, t, s)...); err != nil {
		return fmt.Errorf("store: dashboard by unit: %w", err)
	}
	return nil
}

// dueCounts counts, in a group of one status, the tasks past their next
// due date and those due within the warning days; its parameters are
// today, today and the due-soon limit.
const dueCounts = `SUM(CASE WHEN next_due < ? THEN 1 ELSE 0 END), SUM(CASE WHEN next_due >= ? AND next_due <= ? THEN 1 ELSE 0 END)`

// groupLights reads the names of the groups, then their counts by status,
// and sorts the counts into lights by the ledger's rule (package ledger):
// red past the next due date while open or pending, yellow due within the
// warning days while open, blue closed, green otherwise. A group the
// names query does not list (a catch-all unit) is left out.
func (db *DB) groupLights(ctx context.Context, namesQuery, countsQuery string, args ...any) ([]GroupLights, error) {
	names := map[int64]string{}
	rows, err := db.read.QueryContext(ctx, namesQuery)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, err
		}
		names[id] = name
	}
	rows.Close()
	if rows, err = db.read.QueryContext(ctx, db.dialect.rebind(countsQuery), args...); err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []GroupLights
	for rows.Next() {
		var id int64
		var status string
		var late, soon sql.NullInt64
		var n int
		if err := rows.Scan(&id, &status, &late, &soon, &n); err != nil {
			return nil, err
		}
		name, ok := names[id]
		if !ok {
			continue
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, GroupLights{ID: id, Name: name})
		}
		c := &out[len(out)-1].LightCounts
		switch status {
		case "closed":
			c.Blue += n
		case "pending":
			c.Red, c.Green = c.Red+int(late.Int64), c.Green+n-int(late.Int64)
		default:
			c.Red, c.Yellow, c.Green = c.Red+int(late.Int64), c.Yellow+int(soon.Int64), c.Green+n-int(late.Int64)-int(soon.Int64)
		}
	}
	return out, rows.Err()
}

// mostOverdue lists up to n open tasks past their next due date, the
// longest overdue first, with their units.
func (db *DB) mostOverdue(ctx context.Context, today string, n int, scope []int64) ([]OverdueTask, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT t.id, t.title, t.plan_id, t.next_due FROM tasks t
		WHERE t.status IN ('registered', 'in_progress', 'pending') AND t.next_due < ?`+inScope("t.id", scope)+`
		ORDER BY t.next_due, t.id LIMIT ?`), append(scopeArgs(scope, today), n)...)
	if err != nil {
		return nil, fmt.Errorf("store: most overdue: %w", err)
	}
	var out []OverdueTask
	var ids []int64
	for rows.Next() {
		var o OverdueTask
		var due dateValue
		if err := rows.Scan(&o.ID, &o.Title, &o.PlanID, &due); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: most overdue: %w", err)
		}
		o.NextDue, _ = parseDay(string(due))
		out = append(out, o)
		ids = append(ids, o.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return out, err
	}
	units, err := db.unitLinksOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Units = units[out[i].ID]
	}
	return out, nil
}

// DueYears are the first and last years in which the ledger's tasks are
// due (0, 0 for an empty ledger), for the periods assessment offers.
func (db *DB) DueYears(ctx context.Context) (first, last int, err error) {
	var lo, hi dateValue
	if err := db.read.QueryRowContext(ctx, `SELECT MIN(due), MAX(due) FROM tasks WHERE status <> 'draft'`).Scan(&lo, &hi); err != nil {
		return 0, 0, fmt.Errorf("store: due years: %w", err)
	}
	a, _ := parseDay(string(lo))
	b, _ := parseDay(string(hi))
	if a.IsZero() || b.IsZero() {
		return 0, 0, nil
	}
	return a.Year(), b.Year(), nil
}

// inScope limits a query to the tasks (column col holds a task's id) of
// scope's units; nil scope limits nothing. Its parameters are scopeArgs'.
func inScope(col string, scope []int64) string {
	if scope == nil {
		return ""
	}
	return ` AND ` + col + ` IN (SELECT task_id FROM task_units WHERE ` + unitInScope("unit_id", scope)[len(" AND "):] + `)`
}

// unitInScope limits a query to the rows whose unit (column col) is one
// of scope's; an empty scope matches nothing.
func unitInScope(col string, scope []int64) string {
	switch {
	case scope == nil:
		return ""
	case len(scope) == 0:
		return ` AND 1 = 0`
	}
	return ` AND ` + col + ` IN (?` + strings.Repeat(`, ?`, len(scope)-1) + `)`
}

// scopeArgs are args followed by scope's units, as parameters.
func scopeArgs(scope []int64, args ...any) []any {
	for _, u := range scope {
		args = append(args, u)
	}
	return args
}
