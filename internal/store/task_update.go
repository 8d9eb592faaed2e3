package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
)

// UpdateTask applies the office's corrections to a task (at review or
// later; not to a closed task), recomputes its dates, and records the
// change in its history and the audit log, before and after.
func (db *DB) UpdateTask(ctx context.Context, actor audit.Actor, id int64, up TaskUpdate) (*Task, error) {
	if err := validateTaskUpdate(up); err != nil {
		return nil, err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: update task: %w", err)
	}
	defer tx.Rollback()
	if up.Plan != 0 {
		if _, err := db.planTask(ctx, tx, up.Plan, id); err != nil {
			return nil, err
		}
		if err := db.draftPlan(ctx, tx, up.Plan); err != nil {
			return nil, err
		}
	}
	before, after, err := db.updateTask(ctx, tx, actor, id, up)
	if err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.update", "task", id, taskAudit(before), taskAudit(after)); err != nil {
		return nil, err
	}
	return &after, db.commit(tx)
}

// updateTask applies up inside tx and returns the task before and after;
// a registered task's history records the edit, the caller audits it.
func (db *DB) updateTask(ctx context.Context, tx *sql.Tx, actor audit.Actor, id int64, up TaskUpdate) (before, after Task, err error) {
	status, err := db.taskStatus(ctx, tx, id)
	if err != nil {
		return before, after, err
	}
	if before, err = db.oneTask(ctx, tx, id); err != nil {
		return before, after, err
	}
	set, args := []string{}, []any{}
	for col, v := range map[string]*string{"title": up.Title, "text": up.Text, "goal": up.Goal, "owner": up.Owner,
		"requirement": up.Requirement, "measure": up.Measure} {
		if v != nil {
			set, args = append(set, col+" = ?"), append(args, strings.TrimSpace(*v))
		}
	}
	if up.Weight != nil {
		set, args = append(set, "weight = ?"), append(args, *up.Weight)
	}
	if up.Path != nil {
		path, err := json.Marshal(nonNil(*up.Path))
		if err != nil {
			return before, after, fmt.Errorf("store: update task %d: path: %w", id, err)
		}
		set, args = append(set, "path = ?"), append(args, string(path))
	}
	if len(set) > 0 {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET `+strings.Join(set, ", ")+` WHERE id = ?`), append(args, id)...); err != nil {
			return before, after, fmt.Errorf("store: update task %d: %w", id, err)
		}
	}
	if err := db.replaceChildren(ctx, tx, id, up); err != nil {
		return before, after, err
	}
	if err := db.linkTaskUnits(ctx, tx, 0); err != nil {
		return before, after, err
	}
	if err := db.refreshDates(ctx, tx, ofTasks([]int64{id})); err != nil {
		return before, after, err
	}
	if err := db.indexTaskSearch(ctx, tx, ofTasks([]int64{id})); err != nil {
		return before, after, err
	}
	if after, err = db.oneTask(ctx, tx, id); err != nil {
		return before, after, err
	}
	if status != "draft" {
		if err := db.addEvent(ctx, tx, actor, id, EventEdited, stepSummary(EventEdited, ""), 0); err != nil {
			return before, after, err
		}
	}
	return before, after, nil
}

// oneTask loads a task inside tx.
func (db *DB) oneTask(ctx context.Context, tx *sql.Tx, id int64) (Task, error) {
	tasks, err := db.queryTasks(ctx, tx, ` WHERE t.id = ?`, []any{id})
	if err != nil {
		return Task{}, err
	}
	if len(tasks) == 0 {
		return Task{}, fmt.Errorf("store: task %d: %w", id, ErrNotFound)
	}
	return tasks[0], nil
}

// taskAudit is what the audit log keeps of a task: its assignment.
func taskAudit(t Task) map[string]any {
	return map[string]any{"path": t.Path, "title": t.Title, "units": t.Units, "lead_units": t.LeadUnits, "unit_ids": t.UnitIDs,
		"deadlines": t.Deadlines, "targets": t.Targets, "milestones": t.Milestones, "weight": t.Weight,
		"goal": t.Goal, "owner": t.Owner, "requirement": t.Requirement, "measure": t.Measure}
}

// replaceChildren replaces the lists the update sets. A milestone kept at
// its place with its text keeps its done mark.
func (db *DB) replaceChildren(ctx context.Context, tx *sql.Tx, id int64, up TaskUpdate) error {
	exec := func(q string, a ...any) error {
		_, err := tx.ExecContext(ctx, db.dialect.rebind(q), a...)
		if err != nil {
			return fmt.Errorf("store: update task %d: %w", id, err)
		}
		return nil
	}
	if up.Units != nil {
		if err := exec(`DELETE FROM task_units WHERE task_id = ?`, id); err != nil {
			return err
		}
		for i, u := range *up.Units {
			if err := exec(`INSERT INTO task_units (task_id, seq, name, is_lead, unit_id) VALUES (?, ?, ?, ?, ?)`,
				id, i, strings.TrimSpace(u.Name), u.Lead, nullID(u.UnitID)); err != nil {
				return err
			}
		}
	}
	if up.Deadlines != nil {
		if err := exec(`DELETE FROM task_deadlines WHERE task_id = ?`, id); err != nil {
			return err
		}
		for i, d := range *up.Deadlines {
			if err := exec(`INSERT INTO task_deadlines (task_id, seq, text, due, every) VALUES (?, ?, ?, ?, ?)`,
				id, i, d.Text, nullDate(d.Due), nullString(d.Every)); err != nil {
				return err
			}
		}
	}
	if up.Targets != nil {
		if err := exec(`DELETE FROM task_targets WHERE task_id = ?`, id); err != nil {
			return err
		}
		for i, g := range *up.Targets {
			if err := exec(`INSERT INTO task_targets (task_id, seq, text, value, unit) VALUES (?, ?, ?, ?, ?)`, id, i, g.Text, g.Value, g.Unit); err != nil {
				return err
			}
		}
	}
	if up.Milestones != nil {
		done := map[string]any{}
		rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT seq, text, done_at FROM task_milestones WHERE task_id = ?`), id)
		if err != nil {
			return fmt.Errorf("store: update task %d: %w", id, err)
		}
		for rows.Next() {
			var seq int
			var text string
			var at sql.NullTime
			if err := rows.Scan(&seq, &text, &at); err == nil && at.Valid {
				done[fmt.Sprint(seq, text)] = at.Time
			}
		}
		rows.Close()
		if err := exec(`DELETE FROM task_milestones WHERE task_id = ?`, id); err != nil {
			return err
		}
		for i, m := range *up.Milestones {
			if err := exec(`INSERT INTO task_milestones (task_id, seq, text, due, done_at) VALUES (?, ?, ?, ?, ?)`,
				id, i, m.Text, nullDate(m.Due), done[fmt.Sprint(i, m.Text)]); err != nil {
				return err
			}
		}
	}
	return nil
}

func validateTaskUpdate(up TaskUpdate) error {
	if up.Title != nil && strings.TrimSpace(*up.Title) == "" {
		return fmt.Errorf("store: task title empty: %w", ErrInvalid)
	}
	t := plandoc.Task{}
	if up.Deadlines != nil {
		t.Deadlines = *up.Deadlines
	}
	if up.Targets != nil {
		t.Targets = *up.Targets
	}
	if up.Milestones != nil {
		t.Milestones = *up.Milestones
	}
	if up.Weight != nil {
		t.Weight = *up.Weight
	}
	if err := validateTask(&t); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if up.Units != nil {
		for _, u := range *up.Units {
			if strings.TrimSpace(u.Name) == "" {
				return fmt.Errorf("store: unit without a name: %w", ErrInvalid)
			}
		}
	}
	if up.Path != nil {
		for _, l := range *up.Path {
			if strings.TrimSpace(l) == "" {
				return fmt.Errorf("store: empty numbering label: %w", ErrInvalid)
			}
		}
	}
	return nil
}
