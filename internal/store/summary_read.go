package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The unscoped dashboard reads the summaries migration 0035 keeps
// (task_lights, unit_lights, event_days) instead of counting the ledger.
// A summary row counts the tasks of a plan (a unit) in a status falling
// due in one month; a light depends on today, so the months wholly before
// today's are read as late from the summary and the tasks due from the
// first of today's month to the due-soon limit are counted one by one
// beside it, over an index that starts with the due date.

// summaryLights is groupLights' counts query over a summary (its sums
// are of INTEGER, so that PostgreSQL adds bigints, not numerics): per group
// and status, the late tasks, the tasks due soon and all tasks. table is
// task_lights or unit_lights, col its group column, and detail the table
// the tasks are counted in near today (tasks or task_units, whose group
// column is group). Its parameters are summaryArgs'.
func summaryLights(table, col, detail, group string) string {
	return `
		SELECT g, status, SUM(late), SUM(soon), SUM(n) FROM (
			SELECT ` + col + ` AS g, status, CAST(SUM(CASE WHEN month <> '' AND month < ? THEN n ELSE 0 END) AS INTEGER) AS late, 0 AS soon, CAST(SUM(n) AS INTEGER) AS n
			FROM ` + table + ` WHERE status NOT IN ('draft', 'revoked') GROUP BY ` + col + `, status
			UNION ALL
			SELECT ` + group + `, status, CAST(SUM(CASE WHEN next_due < ? THEN 1 ELSE 0 END) AS INTEGER), CAST(SUM(CASE WHEN next_due >= ? THEN 1 ELSE 0 END) AS INTEGER), 0
			FROM ` + detail + ` WHERE next_due >= ? AND next_due <= ? AND ` + group + ` IS NOT NULL
			AND status NOT IN ('draft', 'revoked', 'closed') GROUP BY ` + group + `, status
		) x GROUP BY g, status HAVING SUM(n) > 0 ORDER BY g, status`
}

// summaryArgs are summaryLights' parameters for today and the due-soon
// limit: today's month, today twice, the first of today's month and the
// limit. A task due this month before today is late, and one due from
// today to the limit soon; every task the summary counts in an earlier
// month is late.
func summaryArgs(today, soon time.Time) []any {
	first := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	t := today.Format(dateLayout)
	return []any{today.Format("2006-01"), t, t, first.Format(dateLayout), soon.Format(dateLayout)}
}

// readSummaryLights fills d's lights by plan and by unit, and the total,
// from the summaries.
func (db *DB) readSummaryLights(ctx context.Context, d *Dashboard, today, soon time.Time) error {
	// By plan and by unit at once, on two connections.
	var unitErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if d.ByUnit, unitErr = db.groupLights(ctx, `SELECT id, name FROM units WHERE kind <> 'group'`,
			summaryLights("unit_lights", "unit", "task_units", "unit_id"), summaryArgs(today, soon)...); unitErr != nil {
			unitErr = fmt.Errorf("store: dashboard by unit: %w", unitErr)
		}
	}()
	var err error
	if d.ByPlan, err = db.groupLights(ctx, `SELECT id, title FROM plans`,
		summaryLights("task_lights", "plan_id", "tasks", "plan_id"), summaryArgs(today, soon)...); err != nil {
		err = fmt.Errorf("store: dashboard by plan: %w", err)
	}
	for _, p := range d.ByPlan {
		d.All.Red, d.All.Yellow, d.All.Green, d.All.Blue = d.All.Red+p.Red, d.All.Yellow+p.Yellow, d.All.Green+p.Green, d.All.Blue+p.Blue
	}
	<-done
	return errors.Join(err, unitErr)
}

// eventDaysQuery counts the year's supervision events by day and kind:
// from event_days without a scope, from the events of scope's tasks with
// one. Its parameters are scopeArgs(scope, first day, today).
func eventDaysQuery(scope []int64) string {
	if scope == nil {
		return `SELECT on_day, kind, n FROM event_days WHERE on_day BETWEEN ? AND ?
		AND kind IN ('press', 'notice', 'escalate', 'issued') AND n > 0 ORDER BY on_day, kind`
	}
	return `SELECT on_day, kind, COUNT(*) FROM supervision_events WHERE on_day BETWEEN ? AND ?
		AND kind IN ('press', 'notice', 'escalate', 'issued')` + inScope("task_id", scope) + ` GROUP BY on_day, kind ORDER BY on_day`
}
