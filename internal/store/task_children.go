package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/duban/duban/internal/plandoc"
)

// childScope restricts the child-table queries to some tasks: FROM the
// child table c, then join and where clauses with their arguments.
type childScope struct {
	join, where string
	// taskWhere selects the same tasks from tasks t.
	taskWhere string
	args      []any
	// prep, when set, hands out prepared statements of a read
	// transaction's pool (readStmt): a scope whose SQL does not change
	// with the tasks it names (ofTaskList) is parsed once.
	prep func(context.Context, string) *sql.Stmt
}

// ofPlan is every task of one plan.
func ofPlan(planID int64) childScope {
	return childScope{join: ` JOIN tasks t ON t.id = c.task_id`, where: `t.plan_id = ?`, taskWhere: `t.plan_id = ?`, args: []any{planID}}
}

// ofTasks is the listed tasks.
func ofTasks(ids []int64) childScope {
	marks := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		marks[i], args[i] = "?", id
	}
	in := `(` + strings.Join(marks, ", ") + `)`
	return childScope{where: `c.task_id IN ` + in, taskWhere: `t.id IN ` + in, args: args}
}

// findTaskChildren fills the units, deadlines, targets and milestones of
// the scope's tasks, read in one statement: the four child tables side by
// side (UNION ALL), each row naming its kind. byID maps a task id to its
// index in tasks.
func (db *DB) findTaskChildren(ctx context.Context, tx *sql.Tx, scope childScope, tasks []Task, byID map[int64]int) error {
	rows, err := queryIn(ctx, tx, scope.prep, db.dialect.rebind(childrenQuery(scope)), slices.Concat(scope.args, scope.args, scope.args, scope.args)...)
	if err != nil {
		return fmt.Errorf("task children: %w", err)
	}
	defer rows.Close()
	var all []childRow
	for rows.Next() {
		var c childRow
		if err := rows.Scan(&c.task, &c.kind, &c.seq, &c.text, &c.due, &c.str, &c.unitID, &c.lead, &c.value, &c.done); err != nil {
			return fmt.Errorf("task children: %w", err)
		}
		all = append(all, c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("task children: %w", err)
	}
	// Sorting the rows here costs less than the database's merge of the
	// four SELECTs in order.
	slices.SortFunc(all, func(a, b childRow) int {
		return cmp.Or(cmp.Compare(a.task, b.task), a.kind-b.kind, a.seq-b.seq)
	})
	for i := range all {
		c := &all[i]
		// The rows come from the listed tasks inside the same transaction,
		// so a miss is a bug.
		ti, ok := byID[c.task]
		if !ok {
			return fmt.Errorf("task children: child row of unknown task %d", c.task)
		}
		t := &tasks[ti]
		switch c.kind {
		case childUnit:
			if c.unitID.Valid && !slices.Contains(t.UnitIDs, c.unitID.Int64) {
				t.UnitIDs = append(t.UnitIDs, c.unitID.Int64)
			}
			t.UnitLinks = append(t.UnitLinks, UnitLink{Name: c.text, Lead: c.lead.Bool, UnitID: c.unitID.Int64})
			t.Units = append(t.Units, c.text)
			if c.lead.Bool {
				t.LeadUnits = append(t.LeadUnits, c.text)
			}
		case childDeadline:
			t.Deadlines = append(t.Deadlines, plandoc.Deadline{Text: c.text, Due: string(c.due), Every: c.str.String})
		case childTarget:
			t.Targets = append(t.Targets, plandoc.Target{Text: c.text, Value: c.value.Float64, Unit: c.str.String})
		case childMilestone:
			t.Milestones = append(t.Milestones, plandoc.Milestone{Text: c.text, Due: string(c.due)})
			t.MilestoneDone = append(t.MilestoneDone, timePtr(c.done))
		}
	}
	return nil
}

// childRow is a row of childrenQuery.
type childRow struct {
	task      int64
	kind, seq int
	text      string
	due       dateValue
	str       sql.NullString
	unitID    sql.NullInt64
	lead      sql.NullBool
	value     sql.NullFloat64
	done      sql.NullTime
}

// The kinds of child rows, in the order a task's children are read.
const (
	childMilestone = iota
	childUnit
	childDeadline
	childTarget
)

// childrenQuery reads the four child tables of the scope's tasks as one
// list of (task_id, kind, seq, text, due, str, unit_id, is_lead, value,
// done_at), in no order; its arguments are the scope's,
// four times over. The milestones come first: SQLite takes the declared
// types of a UNION's columns from its first SELECT, and the dates and
// instants are read by them.
func childrenQuery(scope childScope) string {
	from := func(table string) string {
		return ` FROM ` + table + ` c` + scope.join + ` WHERE ` + scope.where
	}
	return `SELECT c.task_id, 0, c.seq, c.text, c.due, CAST(NULL AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS BOOLEAN), CAST(NULL AS DOUBLE PRECISION), c.done_at` + from("task_milestones") + `
		UNION ALL SELECT c.task_id, 1, c.seq, c.name, NULL, NULL, c.unit_id, c.is_lead, NULL, NULL` + from("task_units") + `
		UNION ALL SELECT c.task_id, 2, c.seq, c.text, c.due, c.every, NULL, NULL, NULL, NULL` + from("task_deadlines") + `
		UNION ALL SELECT c.task_id, 3, c.seq, c.text, NULL, c.unit, NULL, NULL, c.value, NULL` + from("task_targets")
}

// eachChild runs one query over a child table, restricted to the scope's
// tasks and ordered so that rows arrive in their listed order, and hands
// each row (task_id first, then cols, which name the child table c) to row.
func (db *DB) eachChild(ctx context.Context, tx *sql.Tx, scope childScope, table, cols string, row func(*sql.Rows) error) error {
	rows, err := queryIn(ctx, tx, scope.prep, db.dialect.rebind(`
		SELECT c.task_id, `+cols+`
		FROM `+table+` c`+scope.join+`
		WHERE `+scope.where+` ORDER BY c.task_id, c.seq`), scope.args...)
	if err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}
