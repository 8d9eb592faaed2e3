package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/duban/duban/internal/plandoc"
)

func idArgs(ids []int64) []any {
	a := make([]any, len(ids))
	for i, id := range ids {
		a[i] = id
	}
	return a
}

// FindTaskByID returns one task with all its parts.
func (db *DB) FindTaskByID(ctx context.Context, id int64) (*Task, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find task: %w", err)
	}
	defer tx.Rollback()
	tasks, err := db.queryTasks(ctx, tx, ` WHERE t.id = ?`, []any{id})
	if err != nil {
		return nil, err
	}
	if len(tasks) == 0 {
		return nil, fmt.Errorf("store: task %d: %w", id, ErrNotFound)
	}
	return &tasks[0], nil
}

func (db *DB) queryTasks(ctx context.Context, tx *sql.Tx, tail string, args []any) ([]Task, error) {
	return db.queryTasksIn(ctx, tx, childScope{}, tail, args)
}

// queryTasksIn is queryTasks with the children read in the scope of the
// listed tasks that like names (its prep and its way of listing them), or
// ofTasks when it names none.
func (db *DB) queryTasksIn(ctx context.Context, tx *sql.Tx, like childScope, tail string, args []any) ([]Task, error) {
	rows, err := queryIn(ctx, tx, like.prep, db.dialect.rebind(`SELECT `+taskColumns+` FROM tasks t`+tail), args...)
	if err != nil {
		return nil, fmt.Errorf("store: find tasks: %w", err)
	}
	tasks, err := scanTasks(rows, nil)
	if err != nil {
		return nil, err
	}
	if len(tasks) == 0 {
		return tasks, nil
	}
	ids := make([]int64, len(tasks))
	for i := range tasks {
		ids[i] = tasks[i].ID
	}
	scope := ofTasks(ids)
	if like.prep != nil {
		scope = db.ofTaskList(ids, like.prep)
	}
	if err := db.fillTaskChildren(ctx, tx, scope, tasks); err != nil {
		return nil, err
	}
	return tasks, nil
}

// taskColumns are the columns of tasks t that scanTasks reads.
const taskColumns = `t.id, t.plan_id, t.seq, t.status, t.path, t.title, t.text, t.weight, t.optional,
	t.goal, t.owner, t.requirement, t.measure, t.due, t.next_due, t.every, t.percent,
	t.registered_at, t.last_report_at, t.parent_id, t.part_weight, (SELECT p.source FROM plans p WHERE p.id = t.plan_id)`

// scanTasks reads rows of taskColumns, then closes them; when more is
// set, each row carries one more column, scanned into it (the last row's
// value stays). The tasks' children are left empty.
func scanTasks(rows *sql.Rows, more any) ([]Task, error) {
	defer rows.Close()
	tasks := []Task{}
	for rows.Next() {
		var t Task
		var path string
		var weight, percent sql.NullFloat64
		var due, next dateValue
		var every sql.NullString
		var registered, reported sql.NullTime
		var parent sql.NullInt64
		dst := []any{&t.ID, &t.PlanID, &t.Seq, &t.Status, &path, &t.Title, &t.Text, &weight, &t.Optional,
			&t.Goal, &t.Owner, &t.Requirement, &t.Measure, &due, &next, &every, &percent, &registered, &reported, &parent, &t.PartWeight, &t.Source}
		if more != nil {
			dst = append(dst, more)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, fmt.Errorf("store: scan task: %w", err)
		}
		if err := json.Unmarshal([]byte(path), &t.Path); err != nil {
			return nil, fmt.Errorf("store: task %d path: %w", t.ID, err)
		}
		if weight.Valid {
			t.Weight = &weight.Float64
		}
		if percent.Valid {
			t.Percent = &percent.Float64
		}
		t.Due, t.NextDue, t.Every = string(due), string(next), every.String
		t.RegisteredAt, t.LastReportAt = timePtr(registered), timePtr(reported)
		t.ParentID = parent.Int64
		t.LeadUnits, t.Units, t.UnitIDs = []string{}, []string{}, []int64{}
		t.Deadlines, t.Targets, t.Milestones = []plandoc.Deadline{}, []plandoc.Target{}, []plandoc.Milestone{}
		tasks = append(tasks, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find tasks: %w", err)
	}
	return tasks, nil
}

// fillTaskChildren reads the children of tasks, which scope lists.
func (db *DB) fillTaskChildren(ctx context.Context, tx *sql.Tx, scope childScope, tasks []Task) error {
	byID := make(map[int64]int, len(tasks))
	for i := range tasks {
		byID[tasks[i].ID] = i
	}
	if err := db.findTaskChildren(ctx, tx, scope, tasks, byID); err != nil {
		return fmt.Errorf("store: find tasks: %w", err)
	}
	return nil
}

func timePtr(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}
