package store

import (
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
// the scope's tasks. byID maps a task id to its index in tasks.
func (db *DB) findTaskChildren(ctx context.Context, tx *sql.Tx, scope childScope, tasks []Task, byID map[int64]int) error {
	// task finds the task a child row belongs to. The rows come from a join
	// on the same plan inside the same transaction, so a miss is a bug.
	task := func(id int64) (*Task, error) {
		i, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("child row of unknown task %d", id)
		}
		return &tasks[i], nil
	}
	err := db.eachChild(ctx, tx, scope, "task_units", "c.name, c.is_lead, c.unit_id", func(rows *sql.Rows) error {
		var id int64
		var name string
		var lead bool
		var unitID sql.NullInt64
		if err := rows.Scan(&id, &name, &lead, &unitID); err != nil {
			return err
		}
		t, err := task(id)
		if err != nil {
			return err
		}
		if unitID.Valid && !slices.Contains(t.UnitIDs, unitID.Int64) {
			t.UnitIDs = append(t.UnitIDs, unitID.Int64)
		}
		t.UnitLinks = append(t.UnitLinks, UnitLink{Name: name, Lead: lead, UnitID: unitID.Int64})
		t.Units = append(t.Units, name)
		if lead {
			t.LeadUnits = append(t.LeadUnits, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = db.eachChild(ctx, tx, scope, "task_deadlines", "c.text, c.due, c.every", func(rows *sql.Rows) error {
		var id int64
		var d plandoc.Deadline
		var due dateValue
		var every sql.NullString
		if err := rows.Scan(&id, &d.Text, &due, &every); err != nil {
			return err
		}
		t, err := task(id)
		if err != nil {
			return err
		}
		d.Due, d.Every = string(due), every.String
		t.Deadlines = append(t.Deadlines, d)
		return nil
	})
	if err != nil {
		return err
	}
	err = db.eachChild(ctx, tx, scope, "task_targets", "c.text, c.value, c.unit", func(rows *sql.Rows) error {
		var id int64
		var g plandoc.Target
		if err := rows.Scan(&id, &g.Text, &g.Value, &g.Unit); err != nil {
			return err
		}
		t, err := task(id)
		if err != nil {
			return err
		}
		t.Targets = append(t.Targets, g)
		return nil
	})
	if err != nil {
		return err
	}
	return db.eachChild(ctx, tx, scope, "task_milestones", "c.text, c.due, c.done_at", func(rows *sql.Rows) error {
		var id int64
		var m plandoc.Milestone
		var due dateValue
		var done sql.NullTime
		if err := rows.Scan(&id, &m.Text, &due, &done); err != nil {
			return err
		}
		t, err := task(id)
		if err != nil {
			return err
		}
		m.Due = string(due)
		t.Milestones = append(t.Milestones, m)
		t.MilestoneDone = append(t.MilestoneDone, timePtr(done))
		return nil
	})
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
