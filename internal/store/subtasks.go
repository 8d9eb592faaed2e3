package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
)

// The refusals of a split, as catalogue keys: the service checks the same
// before it writes, the store again inside the transaction, so that a
// task split or closed meanwhile is refused all the same.
var (
	// ErrSplitState refuses to split a task that is not open: a draft,
	// one awaiting its 销号 verification, or a closed one.
	ErrSplitState = fault.New(fault.State, "subtasks.error.not_open")
	// ErrSplitDepth refuses to split a sub-task: two levels, no more.
	ErrSplitDepth = fault.New(fault.State, "subtasks.error.depth")
)

// CreateSubtasks splits an open task into sub-tasks, all or none: each
// is a registered task of the parent's plan, numbered under the parent,
// led by its one unit, with its deadline and its weight in the parent's
// progress. The parent's history and each sub-task's record the step,
// the audit log the whole split, and the parent's percent is rolled up
// from its parts (ledger.RollUp) in the same transaction.
func (db *DB) CreateSubtasks(ctx context.Context, parentID int64, b records.SubtaskBatch) ([]int64, error) {
	if len(b.Items) == 0 {
		return nil, fmt.Errorf("store: create sub-tasks: none: %w", ErrInvalid)
	}
	for i, it := range b.Items {
		if err := checkDate(it.Due); err != nil || it.Due == "" || it.Title == "" || it.UnitID == 0 ||
			!(it.Weight > 0) || math.IsInf(it.Weight, 0) {
			return nil, &ItemError{Index: i, Err: fmt.Errorf("store: sub-task %q: %w", it.Title, ErrInvalid)}
		}
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: create sub-tasks: %w", err)
	}
	defer tx.Rollback()
	parent, err := db.oneTask(ctx, tx, parentID)
	if err != nil {
		return nil, err
	}
	switch {
	case parent.ParentID != 0:
		return nil, fmt.Errorf("store: task %d is a sub-task: %w", parentID, ErrSplitDepth)
	case parent.Status == "closed":
		return nil, fmt.Errorf("store: task %d: %w", parentID, ErrClosed)
	case !ledger.Workflow(parent.Status).Open():
		return nil, fmt.Errorf("store: task %d is %s: %w", parentID, parent.Status, ErrSplitState)
	}
	if b.PassDown {
		if b.Items, err = db.unheldItems(ctx, tx, parentID, b.Items); err != nil {
			return nil, err
		}
		if len(b.Items) == 0 {
			return nil, nil
		}
	}
	var seq, siblings int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COALESCE(MAX(seq), -1) + 1 FROM tasks WHERE plan_id = ?`),
		parent.PlanID).Scan(&seq); err != nil {
		return nil, fmt.Errorf("store: create sub-tasks: %w", err)
	}
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM tasks WHERE parent_id = ?`),
		parentID).Scan(&siblings); err != nil {
		return nil, fmt.Errorf("store: create sub-tasks: %w", err)
	}
	now := db.now()
	ids := make([]int64, len(b.Items))
	for i, it := range b.Items {
		path, err := json.Marshal(append(append([]string{}, parent.Path...), strconv.Itoa(siblings+i+1)))
		if err != nil {
			return nil, fmt.Errorf("store: sub-task path: %w", err)
		}
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
			INSERT INTO tasks (plan_id, seq, path, title, text, optional, status, registered_at, parent_id, part_weight)
			VALUES (?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?) RETURNING id`),
			parent.PlanID, seq+i, string(path), it.Title, it.Text, false, now, parentID, it.Weight).Scan(&ids[i]); err != nil {
			return nil, &ItemError{Index: i, Err: fmt.Errorf("store: sub-task %q: %w", it.Title, err)}
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO task_units (task_id, seq, name, is_lead, unit_id) VALUES (?, 0, ?, ?, ?)`),
			ids[i], it.UnitName, true, it.UnitID); err != nil {
			return nil, &ItemError{Index: i, Err: fmt.Errorf("store: sub-task unit: %w", err)}
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO task_deadlines (task_id, seq, text, due) VALUES (?, 0, ?, ?)`),
			ids[i], it.Due, it.Due); err != nil {
			return nil, &ItemError{Index: i, Err: fmt.Errorf("store: sub-task deadline: %w", err)}
		}
		if err := db.addEvent(ctx, tx, b.Actor, ids[i], EventRegistered, stepSummary(EventRegistered, ""), 0); err != nil {
			return nil, err
		}
	}
	if err := db.refreshDates(ctx, tx, ofTasks(ids)); err != nil {
		return nil, err
	}
	if err := db.indexTaskSearch(ctx, tx, ofTasks(ids)); err != nil {
		return nil, err
	}
	if err := db.addEvent(ctx, tx, b.Actor, parentID, records.EventSplit, stepSummary(records.EventSplit, strconv.Itoa(len(ids))), 0); err != nil {
		return nil, err
	}
	if err := db.rollUp(ctx, tx, parentID); err != nil {
		return nil, err
	}
	items := make([]map[string]any, len(b.Items))
	for i, it := range b.Items {
		items[i] = map[string]any{"id": ids[i], "title": it.Title, "unit_id": it.UnitID, "due": it.Due, "weight": it.Weight}
	}
	detail := map[string]any{"subtasks": items}
	if b.SourceName != "" {
		detail["work_plan"], detail["sha256"] = b.SourceName, b.SourceSHA256
	}
	if b.PassDown {
		detail["pass_down"] = true
	}
	if err := db.appendAudit(ctx, tx, b.Actor, "task.split", "task", parentID, nil, detail); err != nil {
		return nil, err
	}
	return ids, db.commit(tx)
}

// FindSubtasks returns a task's sub-tasks in the order they were made.
func (db *DB) FindSubtasks(ctx context.Context, parentID int64) ([]Task, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find sub-tasks: %w", err)
	}
	defer tx.Rollback()
	return db.queryTasks(ctx, tx, ` WHERE t.parent_id = ? ORDER BY t.seq`, []any{parentID})
}

// rollUpAround keeps the roll-up true after task id changed (a report, a
// state): the task's own percent when it has parts, its parent's when it
// is a part.
func (db *DB) rollUpAround(ctx context.Context, tx *sql.Tx, id int64) error {
	var parent sql.NullInt64
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT parent_id FROM tasks WHERE id = ?`), id).Scan(&parent)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: task %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: roll-up: %w", err)
	}
	if parent.Valid {
		return db.rollUp(ctx, tx, parent.Int64)
	}
	return db.rollUp(ctx, tx, id)
}

// rollUp sets a split task's percent from its sub-tasks (ledger.RollUp);
// a task without sub-tasks keeps its own. A parent still 挂号 whose parts
// have begun is 推进中, as if it had reported.
func (db *DB) rollUp(ctx context.Context, tx *sql.Tx, parentID int64) error {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT part_weight, percent, status FROM tasks WHERE parent_id = ?`), parentID)
	if err != nil {
		return fmt.Errorf("store: roll-up: %w", err)
	}
	var parts []ledger.Part
	begun := false
	for rows.Next() {
		var p ledger.Part
		var percent sql.NullFloat64
		var status string
		if err := rows.Scan(&p.Weight, &percent, &status); err != nil {
			rows.Close()
			return fmt.Errorf("store: roll-up: %w", err)
		}
		if percent.Valid {
			p.Percent = &percent.Float64
		}
		p.Closed = status == "closed"
		p.Revoked = status == "revoked"
		begun = begun || (status != "registered" && !p.Revoked)
		parts = append(parts, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: roll-up: %w", err)
	}
	pct := ledger.RollUp(parts)
	if pct == nil {
		return nil
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE tasks SET percent = ?, status = CASE WHEN status = 'registered' AND ? THEN 'in_progress' ELSE status END
		WHERE id = ?`), *pct, begun, parentID); err != nil {
		return fmt.Errorf("store: roll-up of task %d: %w", parentID, err)
	}
	return nil
}

// unheldItems are the items whose unit holds no sub-task of parentID yet.
func (db *DB) unheldItems(ctx context.Context, tx *sql.Tx, parentID int64, items []records.SubtaskInput) ([]records.SubtaskInput, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT DISTINCT tu.unit_id FROM task_units tu JOIN tasks t ON t.id = tu.task_id
		WHERE t.parent_id = ? AND tu.unit_id IS NOT NULL`), parentID)
	if err != nil {
		return nil, fmt.Errorf("store: sub-tasks' units: %w", err)
	}
	defer rows.Close()
	held := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: sub-tasks' units: %w", err)
		}
		held[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sub-tasks' units: %w", err)
	}
	var out []records.SubtaskInput
	for _, it := range items {
		if !held[it.UnitID] {
			held[it.UnitID] = true
			out = append(out, it)
		}
	}
	return out, nil
}
