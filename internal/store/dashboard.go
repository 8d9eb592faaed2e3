package store

import (
	"context"
	"fmt"
	"time"
)

// LightCounts counts tasks by traffic light (red, yellow, green, blue).
type LightCounts struct {
	Red, Yellow, Green, Blue int
}

// Total is every task counted.
func (c LightCounts) Total() int { return c.Red + c.Yellow + c.Green + c.Blue }

// add counts n tasks of one light.
func (c *LightCounts) add(light string, n int) {
	switch light {
	case "red":
		c.Red += n
	case "yellow":
		c.Yellow += n
	case "blue":
		c.Blue += n
	default:
		c.Green += n
	}
}

// GroupLights is one plan's or unit's counts.
type GroupLights struct {
	ID   int64
	Name string
	LightCounts
}

// OverdueTask is an open task past its next due date.
type OverdueTask struct {
	ID      int64
	Title   string
	PlanID  int64
	NextDue time.Time
	Units   []UnitLink
}

// DayCount is how many supervision events of a kind fell on a day.
type DayCount struct {
	Day  time.Time
	Kind string
	N    int
}

// Dashboard is what the leaders' dashboard shows, counted in the database
// so that it stays fast on a province's ledger.
type Dashboard struct {
	All         LightCounts
	ByPlan      []GroupLights
	ByUnit      []GroupLights
	Overdue     []OverdueTask // the longest overdue first
	OpenNotices int
	Events      []DayCount // the year's 催办 and notices by day
}

// lightCase is the ledger's traffic light in SQL, the same rule as
// TaskFilter's Light: red past the next due date while open or pending,
// yellow due within the warning days, blue closed, green otherwise. Its
// parameters are today, today, and the due-soon limit.
const lightCase = `CASE
	WHEN t.status = 'closed' THEN 'blue'
	WHEN t.status IN ('registered', 'in_progress', 'pending') AND t.next_due < ? THEN 'red'
	WHEN t.status IN ('registered', 'in_progress') AND t.next_due >= ? AND t.next_due <= ? THEN 'yellow'
	ELSE 'green' END`

// ReadDashboard counts the ledger's lights overall, by plan and by unit
// (not the catch-all groups), lists the most overdue open tasks and
// counts the year's supervision events by day, as of today with the
// due-soon limit the ledger uses.
func (db *DB) ReadDashboard(ctx context.Context, today, soon time.Time, overdue int) (*Dashboard, error) {
	d := &Dashboard{}
	t, s := today.Format(dateLayout), soon.Format(dateLayout)
	plans, err := db.groupLights(ctx, `
		SELECT t.plan_id, p.title, `+lightCase+`, COUNT(*) FROM tasks t JOIN plans p ON p.id = t.plan_id
		WHERE t.status <> 'draft' GROUP BY t.plan_id, p.title, 3 ORDER BY t.plan_id`, t, t, s)
	if err != nil {
		return nil, fmt.Errorf("store: dashboard by plan: %w", err)
	}
	d.ByPlan = plans
	for _, p := range plans {
		d.All.Red, d.All.Yellow, d.All.Green, d.All.Blue = d.All.Red+p.Red, d.All.Yellow+p.Yellow, d.All.Green+p.Green, d.All.Blue+p.Blue
	}
	if d.ByUnit, err = db.groupLights(ctx, `
		SELECT u.id, u.name, `+lightCase+`, COUNT(*) FROM task_units tu JOIN tasks t ON t.id = tu.task_id
		JOIN units u ON u.id = tu.unit_id AND u.kind <> 'group'
		WHERE t.status <> 'draft' GROUP BY u.id, u.name, 3 ORDER BY u.id`, t, t, s); err != nil {
		return nil, fmt.Errorf("store: dashboard by unit: %w", err)
	}
	if d.Overdue, err = db.mostOverdue(ctx, t, overdue); err != nil {
		return nil, err
	}
	if err := db.read.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM supervision_events e JOIN tasks t ON t.id = e.task_id
		WHERE e.deadline IS NOT NULL AND e.answered_at IS NULL AND t.status <> 'closed'`).Scan(&d.OpenNotices); err != nil {
		return nil, fmt.Errorf("store: dashboard notices: %w", err)
	}
	yearStart := time.Date(today.Year(), time.January, 1, 0, 0, 0, 0, time.UTC).Format(dateLayout)
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT on_day, kind, COUNT(*) FROM supervision_events WHERE on_day BETWEEN ? AND ?
		AND kind IN ('press', 'notice', 'escalate', 'issued') GROUP BY on_day, kind ORDER BY on_day`), yearStart, t)
	if err != nil {
		return nil, fmt.Errorf("store: dashboard events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c DayCount
		var day dateValue
		if err := rows.Scan(&day, &c.Kind, &c.N); err != nil {
			return nil, fmt.Errorf("store: dashboard events: %w", err)
		}
		c.Day, _ = parseDay(string(day))
		d.Events = append(d.Events, c)
	}
	return d, rows.Err()
}

func (db *DB) groupLights(ctx context.Context, q string, args ...any) ([]GroupLights, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []GroupLights
	for rows.Next() {
		var id int64
		var name, light string
		var n int
		if err := rows.Scan(&id, &name, &light, &n); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, GroupLights{ID: id, Name: name})
		}
		out[len(out)-1].add(light, n)
	}
	return out, rows.Err()
}

// mostOverdue lists up to n open tasks past their next due date, the
// longest overdue first, with their units.
func (db *DB) mostOverdue(ctx context.Context, today string, n int) ([]OverdueTask, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT t.id, t.title, t.plan_id, t.next_due FROM tasks t
		WHERE t.status IN ('registered', 'in_progress', 'pending') AND t.next_due < ?
		ORDER BY t.next_due, t.id LIMIT ?`), today, n)
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
