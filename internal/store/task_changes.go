package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// RequestExtension records a unit's 延期申请 for task id: the new date it
// asks for and why. The task must be open (registered or in progress) and
// have no request awaiting a decision (ErrConflict). It returns the
// request's id.
func (db *DB) RequestExtension(ctx context.Context, actor audit.Actor, taskID, unitID int64, newDue, reason string) (int64, error) {
	if reason == "" || checkDate(newDue) != nil || newDue == "" {
		return 0, fmt.Errorf("store: extension request: %w", ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: extension request: %w", err)
	}
	defer tx.Rollback()
	if err := db.openTask(ctx, tx, taskID); err != nil {
		return 0, err
	}
	var n int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM task_changes WHERE task_id = ? AND state = 'open'`), taskID).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: extension request: %w", err)
	}
	if n > 0 {
		return 0, fmt.Errorf("store: task %d has an open extension request: %w", taskID, ErrConflict)
	}
	row, _, err := db.dueDeadline(ctx, tx, taskID)
	if err != nil {
		return 0, err
	}
	id, err := db.addChange(ctx, tx, actor, records.TaskChange{TaskID: taskID, Kind: records.ChangeExtensionRequest, Reason: reason,
		Before: map[string]any{"due": row.due}, After: map[string]any{"due": newDue}, UnitID: unitID, NewDue: newDue, State: "open"})
	if err != nil {
		return 0, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.extension_request", "task", taskID, map[string]any{"due": row.due},
		map[string]any{"request": id, "new_due": newDue, "reason": reason, "unit": unitID}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// DecideExtension settles the open 延期申请 of task id, as of the day
// today: approved, the deadline that is due moves to the date asked for
// (the old date kept in the history); refused, nothing changes but the
// record. A comment is the office's word on it. The notes are queued in
// the same transaction (the unit's inbox). Without an open request it is
// ErrState.
func (db *DB) DecideExtension(ctx context.Context, actor audit.Actor, taskID int64, approve bool, comment string, today time.Time,
	notes func(req records.TaskChange) []Notification) (*records.TaskChange, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: decide extension: %w", err)
	}
	defer tx.Rollback()
	if err := db.openTask(ctx, tx, taskID); err != nil {
		return nil, err
	}
	reqs, err := db.changes(ctx, tx, ` WHERE c.task_id = ? AND c.state = 'open'`, taskID)
	if err != nil {
		return nil, err
	}
	if len(reqs) == 0 {
		return nil, fmt.Errorf("store: task %d has no open extension request: %w", taskID, ErrState)
	}
	req := reqs[0]
	state, kind := "refused", records.ChangeExtensionRefused
	dec := records.TaskChange{TaskID: taskID, Reason: comment, RequestID: req.ID, Effective: today.Format(dateLayout),
		UnitID: req.UnitID, NewDue: req.NewDue}
	if approve {
		state, kind = "approved", records.ChangeExtensionApproved
		before, after, err := db.moveDue(ctx, tx, taskID, req.NewDue)
		if err != nil {
			return nil, err
		}
		dec.Before, dec.After = before, after
	} else {
		row, _, err := db.dueDeadline(ctx, tx, taskID)
		if err != nil {
			return nil, err
		}
		dec.Before, dec.After = map[string]any{"due": row.due}, map[string]any{"due": row.due}
	}
	dec.Kind = kind
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE task_changes SET state = ? WHERE id = ?`), state, req.ID); err != nil {
		return nil, fmt.Errorf("store: decide extension: %w", err)
	}
	if dec.ID, err = db.addChange(ctx, tx, actor, dec); err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.extension_"+state, "task", taskID, dec.Before,
		map[string]any{"request": req.ID, "due": dec.After["due"], "comment": comment}); err != nil {
		return nil, err
	}
	req.State = state
	if err := db.queueChange(ctx, tx, req, notes); err != nil {
		return nil, err
	}
	return &dec, db.commit(tx)
}

// AdjustTask applies the office's 调整 to an open or pending task, as of
// the day today: content and units through the same edit the review
// uses, the deadline that is due moved like an extension. The change is
// kept with its reason, before and after, and audited.
func (db *DB) AdjustTask(ctx context.Context, actor audit.Actor, taskID int64, adj records.TaskAdjust, reason string, today time.Time,
	notes func(ch records.TaskChange) []Notification) (*records.TaskChange, error) {
	if adj.Due != nil && (checkDate(*adj.Due) != nil || *adj.Due == "") {
		return nil, fmt.Errorf("store: adjust task: due: %w", ErrInvalid)
	}
	up := TaskUpdate{Title: adj.Title, Text: adj.Text, Requirement: adj.Requirement, Units: adj.Units}
	if err := validateTaskUpdate(up); err != nil {
		return nil, err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: adjust task: %w", err)
	}
	defer tx.Rollback()
	if err := db.liveTask(ctx, tx, taskID); err != nil {
		return nil, err
	}
	ch := records.TaskChange{TaskID: taskID, Kind: records.ChangeAdjusted, Reason: reason, Effective: today.Format(dateLayout),
		Before: map[string]any{}, After: map[string]any{}}
	if up.Title != nil || up.Text != nil || up.Requirement != nil || up.Units != nil {
		before, after, err := db.updateTask(ctx, tx, actor, taskID, up)
		if err != nil {
			return nil, err
		}
		if up.Title != nil {
			ch.Before["title"], ch.After["title"] = before.Title, after.Title
		}
		if up.Text != nil {
			ch.Before["text"], ch.After["text"] = before.Text, after.Text
		}
		if up.Requirement != nil {
			ch.Before["requirement"], ch.After["requirement"] = before.Requirement, after.Requirement
		}
		if up.Units != nil {
			ch.Before["lead_units"], ch.After["lead_units"] = nonNil(before.LeadUnits), nonNil(after.LeadUnits)
			ch.Before["units"], ch.After["units"] = nonNil(before.Units), nonNil(after.Units)
		}
	}
	if adj.Due != nil {
		before, after, err := db.moveDue(ctx, tx, taskID, *adj.Due)
		if err != nil {
			return nil, err
		}
		for k, v := range before {
			ch.Before[k] = v
		}
		for k, v := range after {
			ch.After[k] = v
		}
	}
	if ch.ID, err = db.addChange(ctx, tx, actor, ch); err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.adjust", "task", taskID, ch.Before,
		map[string]any{"change": ch.ID, "after": ch.After, "reason": reason}); err != nil {
		return nil, err
	}
	if err := db.queueChange(ctx, tx, ch, notes); err != nil {
		return nil, err
	}
	return &ch, db.commit(tx)
}

// RevokeTask revokes (撤销) an open or pending task with a reason, as of
// the day today: it is read-only from now on and leaves the lights, the
// desk, the ladder and the assessment of the periods that reach that day.
// An extension request still open is settled as refused with it.
func (db *DB) RevokeTask(ctx context.Context, actor audit.Actor, taskID int64, reason string, today time.Time,
	notes func(ch records.TaskChange) []Notification) (*records.TaskChange, error) {
	if reason == "" {
		return nil, fmt.Errorf("store: revoke task: reason: %w", ErrInvalid)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: revoke task: %w", err)
	}
	defer tx.Rollback()
	status, err := db.taskStatus(ctx, tx, taskID)
	if err != nil {
		return nil, err
	}
	if status == "draft" {
		return nil, fmt.Errorf("store: revoke a draft task %d: %w", taskID, ErrState)
	}
	day := today.Format(dateLayout)
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET status = 'revoked', revoked_on = ? WHERE id = ?`), day, taskID); err != nil {
		return nil, fmt.Errorf("store: revoke task %d: %w", taskID, err)
	}
	// A revoked task's open sub-tasks go with it, and a revoked sub-task
	// leaves its parent's roll-up.
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET status = 'revoked', revoked_on = ? WHERE parent_id = ? AND status <> 'closed'`), day, taskID); err != nil {
		return nil, fmt.Errorf("store: revoke the sub-tasks of task %d: %w", taskID, err)
	}
	if err := db.rollUpAround(ctx, tx, taskID); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE task_changes SET state = 'refused' WHERE task_id = ? AND state = 'open'`), taskID); err != nil {
		return nil, fmt.Errorf("store: revoke task %d: %w", taskID, err)
	}
	ch := records.TaskChange{TaskID: taskID, Kind: records.ChangeRevoked, Reason: reason, Effective: day,
		Before: map[string]any{"status": status}, After: map[string]any{"status": "revoked"}}
	if ch.ID, err = db.addChange(ctx, tx, actor, ch); err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "task.revoke", "task", taskID, ch.Before,
		map[string]any{"status": "revoked", "change": ch.ID, "reason": reason, "effective": day}); err != nil {
		return nil, err
	}
	if err := db.queueChange(ctx, tx, ch, notes); err != nil {
		return nil, err
	}
	return &ch, db.commit(tx)
}

// FindTaskChanges returns a task's changes, oldest first.
func (db *DB) FindTaskChanges(ctx context.Context, taskID int64) ([]records.TaskChange, error) {
	return db.changes(ctx, db.read, ` WHERE c.task_id = ?`, taskID)
}

// FindOpenExtensions lists the extension requests awaiting a decision,
// oldest first, of the tasks of the given units (all when units is nil).
func (db *DB) FindOpenExtensions(ctx context.Context, units []int64) ([]records.OpenExtension, error) {
	where, args := ` WHERE c.state = 'open'`, []any{}
	if units != nil {
		if len(units) == 0 {
			return nil, nil
		}
		where += ` AND c.task_id IN (SELECT s.task_id FROM task_units s WHERE s.unit_id IN (` + marks(len(units)) + `))`
		for _, u := range units {
			args = append(args, u)
		}
	}
	list, err := db.changes(ctx, db.read, where, args...)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	out := make([]records.OpenExtension, 0, len(list))
	for _, c := range list {
		o := records.OpenExtension{TaskChange: c}
		var due dateValue
		if err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT title, plan_id, due FROM tasks WHERE id = ?`), c.TaskID).
			Scan(&o.TaskTitle, &o.PlanID, &due); err != nil {
			return nil, fmt.Errorf("store: open extensions: %w", err)
		}
		o.Due = string(due)
		out = append(out, o)
	}
	return out, nil
}

// querier is a transaction or the read pool.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// changes reads task changes matching where (over task_changes c).
func (db *DB) changes(ctx context.Context, q querier, where string, args ...any) ([]records.TaskChange, error) {
	rows, err := q.QueryContext(ctx, db.dialect.rebind(`
		SELECT c.id, c.task_id, c.kind, c.actor_id, c.actor, c.at, c.reason, c.before_json, c.after_json, c.effective,
		       COALESCE(c.unit_id, 0), COALESCE(u.name, ''), c.new_due, c.state, COALESCE(c.request_id, 0)
		FROM task_changes c LEFT JOIN units u ON u.id = c.unit_id`+where+` ORDER BY c.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: task changes: %w", err)
	}
	defer rows.Close()
	var out []records.TaskChange
	for rows.Next() {
		var c records.TaskChange
		var before, after string
		var effective, newDue dateValue
		if err := rows.Scan(&c.ID, &c.TaskID, &c.Kind, &c.ActorID, &c.Actor, &c.At, &c.Reason, &before, &after, &effective,
			&c.UnitID, &c.UnitName, &newDue, &c.State, &c.RequestID); err != nil {
			return nil, fmt.Errorf("store: task changes: %w", err)
		}
		c.Effective, c.NewDue = string(effective), string(newDue)
		if err := json.Unmarshal([]byte(before), &c.Before); err != nil {
			return nil, fmt.Errorf("store: task change %d: %w", c.ID, err)
		}
		if err := json.Unmarshal([]byte(after), &c.After); err != nil {
			return nil, fmt.Errorf("store: task change %d: %w", c.ID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// addChange records one change of a task and returns its id.
func (db *DB) addChange(ctx context.Context, tx *sql.Tx, actor audit.Actor, c records.TaskChange) (int64, error) {
	before, err := json.Marshal(nonNilMap(c.Before))
	if err != nil {
		return 0, fmt.Errorf("store: task change: %w", err)
	}
	after, err := json.Marshal(nonNilMap(c.After))
	if err != nil {
		return 0, fmt.Errorf("store: task change: %w", err)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO task_changes (task_id, kind, actor_id, actor, at, reason, before_json, after_json, effective, unit_id, new_due, state, request_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		c.TaskID, c.Kind, actor.ID, actor.Username, db.now(), c.Reason, string(before), string(after), nullDate(c.Effective),
		nullID(c.UnitID), nullDate(c.NewDue), c.State, nullID(c.RequestID)).Scan(&id); err != nil {
		if strings.Contains(strings.ToLower(err.Error()), "unique") {
			return 0, fmt.Errorf("store: task %d has an open extension request: %w", c.TaskID, ErrConflict)
		}
		return 0, fmt.Errorf("store: task change: %w", err)
	}
	return id, nil
}

// queueChange queues the notifications notes makes of a change (nil:
// none) in the change's transaction.
func (db *DB) queueChange(ctx context.Context, tx *sql.Tx, ch records.TaskChange, notes func(records.TaskChange) []Notification) error {
	if notes == nil {
		return nil
	}
	for _, nt := range notes(ch) {
		if _, err := db.queue(ctx, tx, nt, db.now()); err != nil {
			return err
		}
	}
	return nil
}

func nonNilMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// openTask refuses a task that is not open (registered or in progress):
// a draft, a pending, closed or revoked task takes no extension.
func (db *DB) openTask(ctx context.Context, tx *sql.Tx, taskID int64) error {
	status, err := db.taskStatus(ctx, tx, taskID)
	if err != nil {
		return err
	}
	if status != "registered" && status != "in_progress" {
		return fmt.Errorf("store: task %d is %s: %w", taskID, status, ErrState)
	}
	return nil
}

// liveTask refuses a draft, a closed and a revoked task: the office
// adjusts what is in the ledger and not finished.
func (db *DB) liveTask(ctx context.Context, tx *sql.Tx, taskID int64) error {
	status, err := db.taskStatus(ctx, tx, taskID)
	if err != nil {
		return err
	}
	if status == "draft" {
		return fmt.Errorf("store: task %d is a draft: %w", taskID, ErrState)
	}
	return nil
}

// deadlineRow is one dated row of task_deadlines.
type deadlineRow struct {
	seq       int
	text, due string
}

// dueDeadline finds the deadline that is due: the dated deadline of the
// task's next due date, else the one of its final due date. found is
// false when the task has no dated deadline.
func (db *DB) dueDeadline(ctx context.Context, tx *sql.Tx, taskID int64) (deadlineRow, bool, error) {
	var next, final dateValue
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT next_due, due FROM tasks WHERE id = ?`), taskID).Scan(&next, &final)
	if errors.Is(err, sql.ErrNoRows) {
		return deadlineRow{}, false, fmt.Errorf("store: task %d: %w", taskID, ErrNotFound)
	}
	if err != nil {
		return deadlineRow{}, false, fmt.Errorf("store: task %d deadline: %w", taskID, err)
	}
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT seq, text, due FROM task_deadlines WHERE task_id = ? AND due IS NOT NULL ORDER BY seq`), taskID)
	if err != nil {
		return deadlineRow{}, false, fmt.Errorf("store: task %d deadline: %w", taskID, err)
	}
	defer rows.Close()
	var list []deadlineRow
	for rows.Next() {
		var r deadlineRow
		var due dateValue
		if err := rows.Scan(&r.seq, &r.text, &due); err != nil {
			return deadlineRow{}, false, fmt.Errorf("store: task %d deadline: %w", taskID, err)
		}
		r.due = string(due)
		list = append(list, r)
	}
	if err := rows.Err(); err != nil {
		return deadlineRow{}, false, err
	}
	for _, want := range []string{string(next), string(final)} {
		for _, r := range list {
			if want != "" && r.due == want {
				return r, true, nil
			}
		}
	}
	return deadlineRow{due: string(final)}, false, nil
}

// moveDue moves the deadline that is due to newDue (a task without a
// dated deadline gets one) and recomputes the task's dates; it returns
// the deadline before and after.
func (db *DB) moveDue(ctx context.Context, tx *sql.Tx, taskID int64, newDue string) (before, after map[string]any, err error) {
	row, found, err := db.dueDeadline(ctx, tx, taskID)
	if err != nil {
		return nil, nil, err
	}
	d, err := time.Parse(dateLayout, newDue)
	if err != nil {
		return nil, nil, fmt.Errorf("store: task %d due %q: %w", taskID, newDue, ErrInvalid)
	}
	text := fmt.Sprintf("%d年%d月%d日前", d.Year(), int(d.Month()), d.Day())
	if found {
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`UPDATE task_deadlines SET due = ?, text = ? WHERE task_id = ? AND seq = ?`), newDue, text, taskID, row.seq)
	} else {
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO task_deadlines (task_id, seq, text, due, every)
			SELECT ?, COALESCE(MAX(seq), -1) + 1, ?, ?, NULL FROM task_deadlines WHERE task_id = ?`), taskID, text, newDue, taskID)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store: task %d move deadline: %w", taskID, err)
	}
	if err := db.refreshDates(ctx, tx, ofTasks([]int64{taskID})); err != nil {
		return nil, nil, err
	}
	return map[string]any{"due": row.due, "deadline_text": row.text}, map[string]any{"due": newDue, "deadline_text": text}, nil
}
