package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/plandoc"
)

// TaskFilter selects tasks for the task list; zero fields select all.
type TaskFilter struct {
	PlanID int64
	UnitID int64  // tasks one of whose units is this registry unit
	Status string // not_started, …
	Q      string // text in the title or the task's text
	// Scoped limits the list to tasks of ScopeUnits (a liaison's units);
	// with no units, a scoped list is empty.
	Scoped     bool
	ScopeUnits []int64
	Limit      int // 0 means 50; at most 500
	Offset     int
}

// FindTasks returns a page of tasks in plan and document order, with their
// units, deadlines, targets and milestones, and how many match in all.
func (db *DB) FindTasks(ctx context.Context, f TaskFilter) ([]Task, int, error) {
	var where []string
	var args []any
	if f.PlanID != 0 {
		where, args = append(where, "t.plan_id = ?"), append(args, f.PlanID)
	}
	if f.UnitID != 0 {
		where, args = append(where, "EXISTS (SELECT 1 FROM task_units u WHERE u.task_id = t.id AND u.unit_id = ?)"), append(args, f.UnitID)
	}
	if f.Status != "" {
		where, args = append(where, "t.status = ?"), append(args, f.Status)
	}
	if q := escapeLike(strings.TrimSpace(f.Q)); q != "" {
		where, args = append(where, "(t.title LIKE ? OR t.text LIKE ?)"), append(args, "%"+q+"%", "%"+q+"%")
	}
	if f.Scoped {
		if len(f.ScopeUnits) == 0 {
			return []Task{}, 0, nil
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(f.ScopeUnits)), ", ")
		where = append(where, "EXISTS (SELECT 1 FROM task_units s WHERE s.task_id = t.id AND s.unit_id IN ("+marks+"))")
		for _, u := range f.ScopeUnits {
			args = append(args, u)
		}
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)

	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, 0, fmt.Errorf("store: find tasks: %w", err)
	}
	defer tx.Rollback()
	var total int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM tasks t`+cond), args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count tasks: %w", err)
	}
	tasks, err := db.queryTasks(ctx, tx, cond+` ORDER BY t.plan_id, t.seq LIMIT ? OFFSET ?`, append(args, limit, max(f.Offset, 0)))
	return tasks, total, err
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
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT t.id, t.plan_id, t.seq, t.status, t.path, t.title, t.text, t.weight, t.optional
		FROM tasks t`+tail), args...)
	if err != nil {
		return nil, fmt.Errorf("store: find tasks: %w", err)
	}
	tasks := []Task{}
	byID := map[int64]int{}
	var ids []int64
	for rows.Next() {
		var t Task
		var path string
		var weight sql.NullFloat64
		if err := rows.Scan(&t.ID, &t.PlanID, &t.Seq, &t.Status, &path, &t.Title, &t.Text, &weight, &t.Optional); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: scan task: %w", err)
		}
		if err := json.Unmarshal([]byte(path), &t.Path); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: task %d path: %w", t.ID, err)
		}
		if weight.Valid {
			t.Weight = &weight.Float64
		}
		t.LeadUnits, t.Units, t.UnitIDs = []string{}, []string{}, []int64{}
		t.Deadlines, t.Targets, t.Milestones = []plandoc.Deadline{}, []plandoc.Target{}, []plandoc.Milestone{}
		byID[t.ID] = len(tasks)
		ids = append(ids, t.ID)
		tasks = append(tasks, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find tasks: %w", err)
	}
	if len(ids) == 0 {
		return tasks, nil
	}
	if err := db.findTaskChildren(ctx, tx, ofTasks(ids), tasks, byID); err != nil {
		return nil, fmt.Errorf("store: find tasks: %w", err)
	}
	return tasks, nil
}
