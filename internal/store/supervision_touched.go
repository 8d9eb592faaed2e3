package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// TouchedTasks is what the audit log says changed after a point: the
// registered tasks whose supervision may have changed, or Every when a
// change may reach any task (the calendar, a unit, the office's default
// rules, a kind of entry not known here).
type TouchedTasks struct {
	Head  int64 // the newest entry read; the next call starts after it
	Tasks []int64
	Every bool
}

// untouching are the audit objects whose changes cannot change what the
// supervision rules call for on any task.
var untouching = map[string]bool{
	"user": true, "ticket": true, "ticket_service": true, "foia_request": true, "incident": true,
	"finding": true, "inspection": true, "inspection_plan": true, "matter_kind": true,
	"assessment_record": true, "scheme": true, "notification": true, "audit_log": true,
}

// scheduledActions are the audit actions of the events the scheduler
// records (RecordSupervision).
const scheduledActions = `'supervise.remind', 'supervise.press', 'supervise.notice', 'supervise.escalate', 'supervise.report_missing'`

// AuditSeq is the number of the audit log's newest entry.
func (db *DB) AuditSeq(ctx context.Context) (int64, error) {
	h, err := db.AuditHead(ctx)
	return h.Seq, err
}

// FindTouchedTasks reads the audit entries after seq after and names the
// tasks they touched: a task's own entries name it, a plan's name its
// tasks. Every write is audited in its transaction and audit entries are
// numbered in commit order (writers take turns), so a scheduler that
// remembers Head misses no change.
func (db *DB) FindTouchedTasks(ctx context.Context, after int64) (*TouchedTasks, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: touched tasks: %w", err)
	}
	defer tx.Rollback()
	out := &TouchedTasks{Head: after}
	// The events the scheduler records by the rules (actor 0) are left
	// out: the tick that recorded them asked the rules with them in view.
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT seq, object_type, object_id, actor_id = 0 AND action IN (`+scheduledActions+`)
		FROM audit_log WHERE seq > ? ORDER BY seq`), after)
	if err != nil {
		return nil, fmt.Errorf("store: touched tasks: %w", err)
	}
	tasks, plans := map[int64]bool{}, map[int64]bool{}
	for rows.Next() {
		var seq int64
		var kind, object string
		var scheduled bool
		if err := rows.Scan(&seq, &kind, &object, &scheduled); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: touched tasks: %w", err)
		}
		out.Head = seq
		id, err := strconv.ParseInt(object, 10, 64)
		switch {
		case untouching[kind] || scheduled:
		case kind == "task" && err == nil:
			tasks[id] = true
		case kind == "plan" && err == nil && id > 0:
			plans[id] = true
		default:
			out.Every = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil || out.Every {
		return out, err
	}
	for p := range plans {
		ids, err := db.taskIDsOfPlan(ctx, tx, p)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			tasks[id] = true
		}
	}
	for id := range tasks {
		out.Tasks = append(out.Tasks, id)
	}
	return out, nil
}

func (db *DB) taskIDsOfPlan(ctx context.Context, q querier, plan int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, db.dialect.rebind(`SELECT id FROM tasks WHERE plan_id = ?`), plan)
	if err != nil {
		return nil, fmt.Errorf("store: tasks of plan %d: %w", plan, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// FindRegisteredTasks returns the tasks of ids that are in the ledger (not
// drafts), with all their parts, in id order; ids not found are left out.
func (db *DB) FindRegisteredTasks(ctx context.Context, ids []int64) ([]Task, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find tasks: %w", err)
	}
	defer tx.Rollback()
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return db.queryTasks(ctx, tx, ` WHERE t.id IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`) AND t.status <> 'draft' ORDER BY t.id`, args)
}
