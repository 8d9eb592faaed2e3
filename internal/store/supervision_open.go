package store

import (
	"context"
	"database/sql"
	"fmt"
)

// OpenNotices lists the unanswered notices of tasks not yet closed,
// earliest deadline first.
func (db *DB) OpenNotices(ctx context.Context) ([]OpenNotice, error) {
	rows, err := db.read.QueryContext(ctx, `
		SELECT e.key, e.task_id, t.title, p.id, p.title, p.source, e.label, e.on_day, e.deadline
		FROM supervision_events e JOIN tasks t ON t.id = e.task_id JOIN plans p ON p.id = t.plan_id
		WHERE e.deadline IS NOT NULL AND e.answered_at IS NULL AND t.status <> 'closed'
		ORDER BY e.deadline, e.key`)
	if err != nil {
		return nil, fmt.Errorf("store: open notices: %w", err)
	}
	var out []OpenNotice
	byTask := map[int64][]int{}
	for rows.Next() {
		var n OpenNotice
		var on, deadline dateValue
		if err := rows.Scan(&n.Key, &n.TaskID, &n.TaskTitle, &n.PlanID, &n.PlanTitle, &n.PlanSource, &n.Label, &on, &deadline); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: open notices: %w", err)
		}
		n.On, _ = parseDay(string(on))
		n.Deadline, _ = parseDay(string(deadline))
		byTask[n.TaskID] = append(byTask[n.TaskID], len(out))
		out = append(out, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: open notices: %w", err)
	}
	if len(byTask) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(byTask))
	for id := range byTask {
		ids = append(ids, id)
	}
	units, err := db.unitLinksOf(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("store: open notices' units: %w", err)
	}
	for task, at := range byTask {
		for _, i := range at {
			out[i].Units = units[task]
		}
	}
	return out, nil
}

// unitLinksOf reads the units of the given tasks, in their order.
func (db *DB) unitLinksOf(ctx context.Context, ids []int64) (map[int64][]UnitLink, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT task_id, name, is_lead, unit_id FROM task_units WHERE task_id IN (`+marks(len(ids))+`) ORDER BY task_id, seq`), idArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("store: units of tasks: %w", err)
	}
	defer rows.Close()
	out := map[int64][]UnitLink{}
	for rows.Next() {
		var task int64
		var u UnitLink
		var unit sql.NullInt64
		if err := rows.Scan(&task, &u.Name, &u.Lead, &unit); err != nil {
			return nil, fmt.Errorf("store: units of tasks: %w", err)
		}
		u.UnitID = unit.Int64
		out[task] = append(out[task], u)
	}
	return out, rows.Err()
}
