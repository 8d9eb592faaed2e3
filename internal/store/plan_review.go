package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/duban/duban/internal/audit"
)

// UpdatePlan changes a draft's own fields (title, 文号, issuer, date,
// year) with the audit entry, before and after.
func (db *DB) UpdatePlan(ctx context.Context, actor audit.Actor, id int64, up PlanUpdate) error {
	if up.IssuedOn != nil {
		if err := checkDate(*up.IssuedOn); err != nil {
			return fmt.Errorf("store: update plan: %w: %v", ErrInvalid, err)
		}
	}
	if up.Title != nil && strings.TrimSpace(*up.Title) == "" {
		return fmt.Errorf("store: update plan: empty title: %w", ErrInvalid)
	}
	return db.editDraft(ctx, id, "update plan", func(tx *sql.Tx) error {
		before, err := db.planFields(ctx, tx, id)
		if err != nil {
			return err
		}
		set, args := []string{}, []any{}
		for col, v := range map[string]*string{"title": up.Title, "doc_number": up.DocNumber, "issuer": up.Issuer} {
			if v != nil {
				set, args = append(set, col+" = ?"), append(args, strings.TrimSpace(*v))
			}
		}
		if up.IssuedOn != nil {
			set, args = append(set, "issued_on = ?"), append(args, nullDate(*up.IssuedOn))
		}
		if up.Year != nil {
			set, args = append(set, "year = ?"), append(args, *up.Year)
		}
		if len(set) > 0 {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE plans SET `+strings.Join(set, ", ")+` WHERE id = ?`), append(args, id)...); err != nil {
				return fmt.Errorf("store: update plan %d: %w", id, err)
			}
		}
		after, err := db.planFields(ctx, tx, id)
		if err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, actor, "plan.update", "plan", id, before, after)
	})
}

// planFields is what the audit log keeps of a plan's own fields.
func (db *DB) planFields(ctx context.Context, tx *sql.Tx, id int64) (map[string]any, error) {
	p, err := scanPlan(tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT `+planColumns+` FROM plans p WHERE p.id = ?`), id))
	if err != nil {
		return nil, fmt.Errorf("store: plan %d: %w", id, err)
	}
	return map[string]any{"title": p.Title, "doc_number": p.DocNumber, "issuer": p.Issuer, "issued_on": p.IssuedOn,
		"year": p.Year}, nil
}

// DeletePlan throws a draft away with its tasks (and any supervision
// rules set for it), keeping in the audit log what it was. The same
// document may then be imported again.
func (db *DB) DeletePlan(ctx context.Context, actor audit.Actor, id int64) error {
	return db.editDraft(ctx, id, "delete plan", func(tx *sql.Tx) error {
		before, err := db.planFields(ctx, tx, id)
		if err != nil {
			return err
		}
		var source, sum string
		var tasks int
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT source_name, source_sha256,
			(SELECT COUNT(*) FROM tasks WHERE plan_id = plans.id) FROM plans WHERE id = ?`), id).Scan(&source, &sum, &tasks); err != nil {
			return fmt.Errorf("store: delete plan %d: %w", id, err)
		}
		before["source"], before["sha256"], before["tasks"] = source, sum, tasks
		for _, q := range []string{`DELETE FROM supervision_rules WHERE plan_id = ?`, `DELETE FROM plans WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(q), id); err != nil {
				return fmt.Errorf("store: delete plan %d: %w", id, err)
			}
		}
		return db.appendAudit(ctx, tx, actor, "plan.discard", "plan", id, before, nil)
	})
}

// AddTask adds a task to a draft after in.After (0: first) and returns
// its id. Its unit names not linked by the office are matched to the
// registry as an import's are.
func (db *DB) AddTask(ctx context.Context, actor audit.Actor, planID int64, in NewTask) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: add task: %w", err)
	}
	defer tx.Rollback()
	if err := db.draftPlan(ctx, tx, planID); err != nil {
		return 0, err
	}
	if in.Place != nil {
		tasks, err := db.findTasks(ctx, tx, planID)
		if err != nil {
			return 0, err
		}
		after, path := in.Place(tasks)
		in.After = after
		if len(in.Task.Path) == 0 {
			in.Task.Path = path
		}
	}
	if err := validateNewTask(in); err != nil {
		return 0, err
	}
	id, err := db.addTask(ctx, tx, planID, in)
	if err != nil {
		return 0, err
	}
	t, err := db.oneTask(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.add", "task", id, nil, taskAudit(t)); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// addTask inserts in at its place inside tx.
func (db *DB) addTask(ctx context.Context, tx *sql.Tx, planID int64, in NewTask) (int64, error) {
	order, err := db.taskOrder(ctx, tx, planID)
	if err != nil {
		return 0, err
	}
	at := 0
	if in.After != 0 {
		i := slices.Index(order, in.After)
		if i < 0 {
			return 0, fmt.Errorf("store: task %d in plan %d: %w", in.After, planID, ErrNotFound)
		}
		at = i + 1
	}
	st, err := db.prepareTaskStmts(ctx, tx)
	if err != nil {
		return 0, err
	}
	defer st.close()
	t := in.Task
	t.Units, t.LeadUnits = nil, nil
	// A place past every other keeps (plan_id, seq) unique until the
	// renumbering below puts the task where it belongs.
	seq, err := db.nextSeq(ctx, tx, planID)
	if err != nil {
		return 0, err
	}
	id, err := insertTask(ctx, st, planID, seq, &t, "draft")
	if err != nil {
		return 0, fmt.Errorf("store: add task: %w", err)
	}
	units := nonNil(in.Units)
	if err := db.replaceChildren(ctx, tx, id, TaskUpdate{Units: &units}); err != nil {
		return 0, err
	}
	if err := db.linkTaskUnits(ctx, tx, planID); err != nil {
		return 0, err
	}
	if err := db.refreshDates(ctx, tx, ofTasks([]int64{id})); err != nil {
		return 0, err
	}
	if err := db.indexTaskSearch(ctx, tx, ofTasks([]int64{id})); err != nil {
		return 0, err
	}
	return id, db.renumber(ctx, tx, planID, slices.Insert(order, at, id))
}

// DeleteTask removes a task from a draft.
func (db *DB) DeleteTask(ctx context.Context, actor audit.Actor, planID, taskID int64) error {
	return db.editDraft(ctx, planID, "delete task", func(tx *sql.Tx) error {
		t, err := db.planTask(ctx, tx, planID, taskID)
		if err != nil {
			return err
		}
		if err := db.deleteTask(ctx, tx, planID, taskID); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, actor, "task.delete", "task", taskID, taskAudit(t), nil)
	})
}

func (db *DB) deleteTask(ctx context.Context, tx *sql.Tx, planID, taskID int64) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM tasks WHERE id = ?`), taskID); err != nil {
		return fmt.Errorf("store: delete task %d: %w", taskID, err)
	}
	order, err := db.taskOrder(ctx, tx, planID)
	if err != nil {
		return err
	}
	return db.renumber(ctx, tx, planID, order)
}

// SplitTask cuts a draft's task in two: split computes, from the task
// and the plan's tasks as this transaction reads them, what the task
// keeps and the new task that follows it (right after the task, or after
// rest.After when split sets it: past the task's own sub-items); an
// error from split is returned as it is. It returns the new task's id.
func (db *DB) SplitTask(ctx context.Context, actor audit.Actor, planID, taskID int64,
	split func(tasks []Task, task Task) (keep TaskUpdate, rest NewTask, err error)) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: split task: %w", err)
	}
	defer tx.Rollback()
	if err := db.draftPlan(ctx, tx, planID); err != nil {
		return 0, err
	}
	tasks, err := db.findTasks(ctx, tx, planID)
	if err != nil {
		return 0, err
	}
	i := slices.IndexFunc(tasks, func(t Task) bool { return t.ID == taskID })
	if i < 0 {
		return 0, fmt.Errorf("store: task %d in plan %d: %w", taskID, planID, ErrNotFound)
	}
	keep, rest, err := split(tasks, tasks[i])
	if err != nil {
		return 0, err
	}
	if err := validateTaskUpdate(keep); err != nil {
		return 0, err
	}
	if rest.After == 0 {
		rest.After = taskID
	}
	rest.Place = nil
	if err := validateNewTask(rest); err != nil {
		return 0, err
	}
	before, after, err := db.updateTask(ctx, tx, actor, taskID, keep)
	if err != nil {
		return 0, err
	}
	id, err := db.addTask(ctx, tx, planID, rest)
	if err != nil {
		return 0, err
	}
	added, err := db.oneTask(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.split", "task", taskID, taskAudit(before),
		[]map[string]any{taskAudit(after), taskAudit(added)}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// MergeTasks makes task and with one task of a draft: merge computes,
// from both as this transaction reads them, what task becomes (an error
// from merge is returned as it is), and with is removed.
func (db *DB) MergeTasks(ctx context.Context, actor audit.Actor, planID, taskID, with int64,
	merge func(task, with Task) (TaskUpdate, error)) error {
	if taskID == with {
		return fmt.Errorf("store: merge task %d with itself: %w", taskID, ErrInvalid)
	}
	return db.editDraft(ctx, planID, "merge tasks", func(tx *sql.Tx) error {
		other, err := db.planTask(ctx, tx, planID, with)
		if err != nil {
			return err
		}
		mine, err := db.planTask(ctx, tx, planID, taskID)
		if err != nil {
			return err
		}
		merged, err := merge(mine, other)
		if err != nil {
			return err
		}
		if err := validateTaskUpdate(merged); err != nil {
			return err
		}
		before, after, err := db.updateTask(ctx, tx, actor, taskID, merged)
		if err != nil {
			return err
		}
		if err := db.deleteTask(ctx, tx, planID, with); err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, actor, "task.merge", "task", taskID,
			[]map[string]any{taskAudit(before), taskAudit(other)}, taskAudit(after))
	})
}

// MoveTask puts a draft's task right after task after (0: first), and
// gives it path when path is not nil.
func (db *DB) MoveTask(ctx context.Context, actor audit.Actor, planID, taskID, after int64, path *[]string) error {
	if taskID == after {
		return fmt.Errorf("store: move task %d after itself: %w", taskID, ErrInvalid)
	}
	if err := validateTaskUpdate(TaskUpdate{Path: path}); err != nil {
		return err
	}
	return db.editDraft(ctx, planID, "move task", func(tx *sql.Tx) error {
		before, err := db.planTask(ctx, tx, planID, taskID)
		if err != nil {
			return err
		}
		order, err := db.taskOrder(ctx, tx, planID)
		if err != nil {
			return err
		}
		order = slices.DeleteFunc(order, func(id int64) bool { return id == taskID })
		at := 0
		if after != 0 {
			i := slices.Index(order, after)
			if i < 0 {
				return fmt.Errorf("store: task %d in plan %d: %w", after, planID, ErrNotFound)
			}
			at = i + 1
		}
		if err := db.renumber(ctx, tx, planID, slices.Insert(order, at, taskID)); err != nil {
			return err
		}
		if path != nil {
			if _, _, err := db.updateTask(ctx, tx, actor, taskID, TaskUpdate{Path: path}); err != nil {
				return err
			}
		}
		moved, err := db.oneTask(ctx, tx, taskID)
		if err != nil {
			return err
		}
		return db.appendAudit(ctx, tx, actor, "task.move", "task", taskID,
			map[string]any{"seq": before.Seq, "path": before.Path}, map[string]any{"seq": moved.Seq, "path": moved.Path, "after": after})
	})
}

// draftPlan checks that a plan exists and is still a draft.
func (db *DB) draftPlan(ctx context.Context, tx *sql.Tx, id int64) error {
	var status string
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT status FROM plans WHERE id = ?`), id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: plan %d: %w", id, err)
	}
	if status != "draft" {
		return fmt.Errorf("store: plan %d is %s: %w", id, status, ErrNotDraft)
	}
	return nil
}

// planTask loads a task of the plan; a task of another plan is not found.
func (db *DB) planTask(ctx context.Context, tx *sql.Tx, planID, taskID int64) (Task, error) {
	tasks, err := db.queryTasks(ctx, tx, ` WHERE t.id = ? AND t.plan_id = ?`, []any{taskID, planID})
	if err != nil {
		return Task{}, err
	}
	if len(tasks) == 0 {
		return Task{}, fmt.Errorf("store: task %d in plan %d: %w", taskID, planID, ErrNotFound)
	}
	return tasks[0], nil
}

// taskOrder lists a plan's task ids in document order.
func (db *DB) taskOrder(ctx context.Context, tx *sql.Tx, planID int64) ([]int64, error) {
	return db.pageIDs(ctx, tx, ` WHERE t.plan_id = ? ORDER BY t.seq`, []any{planID})
}

func (db *DB) nextSeq(ctx context.Context, tx *sql.Tx, planID int64) (int, error) {
	var seq int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COALESCE(MAX(seq), -1) + 1 FROM tasks WHERE plan_id = ?`), planID).Scan(&seq); err != nil {
		return 0, fmt.Errorf("store: plan %d: %w", planID, err)
	}
	return seq, nil
}

// renumber gives the plan's tasks the places 0, 1, 2… in the order of
// ids. Only the tasks whose place changes are written, in two steps
// (first to a negative place of their own, then to the new one), so that
// no step meets the unique (plan_id, seq) of a task not yet moved.
func (db *DB) renumber(ctx context.Context, tx *sql.Tx, planID int64, ids []int64) error {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT id, seq FROM tasks WHERE plan_id = ?`), planID)
	if err != nil {
		return fmt.Errorf("store: renumber plan %d: %w", planID, err)
	}
	cur := map[int64]int{}
	for rows.Next() {
		var id int64
		var seq int
		if err := rows.Scan(&id, &seq); err != nil {
			rows.Close()
			return fmt.Errorf("store: renumber plan %d: %w", planID, err)
		}
		cur[id] = seq
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: renumber plan %d: %w", planID, err)
	}
	var moved []int
	for i, id := range ids {
		if cur[id] != i {
			moved = append(moved, i)
		}
	}
	for _, step := range []func(int) int{func(i int) int { return -1 - i }, func(i int) int { return i }} {
		for _, i := range moved {
			if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET seq = ? WHERE id = ?`), step(i), ids[i]); err != nil {
				return fmt.Errorf("store: renumber plan %d: %w", planID, err)
			}
		}
	}
	return nil
}

func validateNewTask(in NewTask) error {
	if strings.TrimSpace(in.Task.Title) == "" {
		return fmt.Errorf("store: task title empty: %w", ErrInvalid)
	}
	if len(in.Task.Path) == 0 {
		return fmt.Errorf("store: task without a path: %w", ErrInvalid)
	}
	if err := validateTask(&in.Task); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	path, units := in.Task.Path, in.Units
	return validateTaskUpdate(TaskUpdate{Path: &path, Units: &units})
}

// editDraft runs edit in one write transaction on a plan that must still
// be a draft, and commits when edit succeeds: every review edit is all or
// nothing, and none reaches a confirmed plan.
func (db *DB) editDraft(ctx context.Context, planID int64, what string, edit func(tx *sql.Tx) error) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	defer tx.Rollback()
	if err := db.draftPlan(ctx, tx, planID); err != nil {
		return err
	}
	if err := edit(tx); err != nil {
		return err
	}
	return db.commit(tx)
}
