package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/duban/duban/internal/assess"
)

// foldBatch is how many marked tasks one fold transaction takes: a
// writer waits for no more than a few tens of milliseconds.
const foldBatch = 1000

// FoldAssessment adds every task marked in assess_dirty to the ranking's
// sums as it now stands, having taken out what it added before, and
// returns how many tasks it folded. A task changed while it was folded
// stays marked for the next fold. Rankings are exact without it
// (RankingInput adds the marked tasks itself); it keeps them fast.
func (db *DB) FoldAssessment(ctx context.Context) (int, error) {
	folded := 0
	for after := int64(0); ; {
		n, last, err := db.foldAssessmentBatch(ctx, after)
		folded += n
		if err != nil {
			return folded, err
		}
		if last == 0 {
			break
		}
		after = last
	}
	if folded == 0 {
		return 0, nil
	}
	// Sums that fell to nought go, so that old months and merged units do
	// not pile up.
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return folded, fmt.Errorf("store: fold: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM assess_due WHERE n_on = 0 AND n_late = 0 AND n_open = 0`, `DELETE FROM assess_events WHERE n = 0`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return folded, fmt.Errorf("store: fold: %w", err)
		}
	}
	return folded, tx.Commit()
}

// foldAssessmentBatch folds the marked tasks after the task after, a
// batch of them, and says how many and the last one looked at (0: none
// was left).
func (db *DB) foldAssessmentBatch(ctx context.Context, after int64) (folded int, last int64, err error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("store: fold: %w", err)
	}
	defer tx.Rollback()
	ids, revs, err := db.markedTasks(ctx, tx, after)
	if err != nil || len(ids) == 0 {
		return 0, 0, err
	}
	batch := db.ofTaskList(ids, nil)
	states, err := db.readAssessStates(ctx, tx, batch)
	if err != nil {
		return 0, 0, err
	}
	old, err := db.readFolded(ctx, tx, batch)
	if err != nil {
		return 0, 0, err
	}
	if foldRead != nil {
		foldRead(ids)
	}
	f, err := refold(ids, states, old)
	if err != nil {
		return 0, 0, err
	}
	if err := db.writeSumsDelta(ctx, tx, f.delta); err != nil {
		return 0, 0, err
	}
	if err := db.writeFolded(ctx, tx, f); err != nil {
		return 0, 0, err
	}
	if err := db.unmark(ctx, tx, ids, revs); err != nil {
		return 0, 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("store: fold: %w", err)
	}
	return len(ids), ids[len(ids)-1], nil
}

// markedTasks are the marked tasks after the task after, a batch of
// them, with their marks' revisions.
func (db *DB) markedTasks(ctx context.Context, tx *sql.Tx, after int64) (ids, revs []int64, err error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT task_id, rev FROM assess_dirty WHERE task_id > ? ORDER BY task_id LIMIT `+fmt.Sprint(foldBatch)), after)
	if err != nil {
		return nil, nil, fmt.Errorf("store: fold: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, rev int64
		if err := rows.Scan(&id, &rev); err != nil {
			return nil, nil, fmt.Errorf("store: fold: %w", err)
		}
		ids, revs = append(ids, id), append(revs, rev)
	}
	return ids, revs, rows.Err()
}

// refolded is what a fold writes: the change to the sums, the tasks'
// parts as they now stand (task, JSON) and the tasks that now add nothing.
type refolded struct {
	delta sumsDelta
	keep  [][]any
	gone  []int64
}

// refold takes out what each task added (old) and puts in its parts as it
// now stands (states).
func refold(ids []int64, states map[int64]*assessState, old map[int64][]foldedPart) (refolded, error) {
	f := refolded{delta: sumsDelta{}}
	var parts []assess.Part
	for _, id := range ids {
		for _, p := range old[id] {
			f.delta.add(p, -1)
		}
		parts = states[id].parts(parts[:0], forever, forever)
		if len(parts) == 0 {
			f.gone = append(f.gone, id)
			continue
		}
		kept := make([]foldedPart, len(parts))
		for i, p := range parts {
			kept[i] = foldPart(p)
			f.delta.add(kept[i], 1)
		}
		text, err := json.Marshal(kept)
		if err != nil {
			return f, fmt.Errorf("store: fold task %d: %w", id, err)
		}
		f.keep = append(f.keep, []any{id, string(text)})
	}
	return f, nil
}

// writeFolded keeps the tasks' parts as folded.
func (db *DB) writeFolded(ctx context.Context, tx *sql.Tx, f refolded) error {
	if err := db.upsertBatch(ctx, tx, "assess_folded", []string{"task_id", "parts"}, f.keep, `(task_id) DO UPDATE SET parts = excluded.parts`); err != nil {
		return fmt.Errorf("store: fold: %w", err)
	}
	if len(f.gone) == 0 {
		return nil
	}
	in := db.ofTaskList(f.gone, nil)
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM assess_folded AS c WHERE `+in.where), in.args...); err != nil {
		return fmt.Errorf("store: fold: %w", err)
	}
	return nil
}

// unmark clears the marks of the tasks folded, each only at the revision
// read: a task marked again since stays marked. Every writer of the store
// waits for the writer's turn the fold holds, so this guards a writer
// that does not (a person at psql, another program).
func (db *DB) unmark(ctx context.Context, tx *sql.Tx, ids, revs []int64) error {
	for start := 0; start < len(ids); start += batchRows {
		end := min(start+batchRows, len(ids))
		var q strings.Builder
		args := make([]any, 0, 2*(end-start))
		q.WriteString(`DELETE FROM assess_dirty WHERE (task_id, rev) IN (VALUES `)
		for i := start; i < end; i++ {
			if i > start {
				q.WriteString(", ")
			}
			q.WriteString(`(CAST(? AS BIGINT), CAST(? AS BIGINT))`)
			args = append(args, ids[i], revs[i])
		}
		q.WriteString(`)`)
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(q.String()), args...); err != nil {
			return fmt.Errorf("store: fold: %w", err)
		}
	}
	return nil
}

// foldRead, when set (by a test), is called once a fold batch has read
// its tasks, before it writes: where a change between the two goes.
var foldRead func(ids []int64)

// sumsDelta is what a fold changes in the sums, per unit and month.
type sumsDelta map[unitMonth]*assess.Tally

type unitMonth struct {
	unit  int64
	month int
}

func (d sumsDelta) add(f foldedPart, sign int64) {
	k := unitMonth{f.Unit, f.Month}
	if d[k] == nil {
		d[k] = &assess.Tally{}
	}
	d[k].Add(f.part(), sign)
}

// dueColumns are assess_due's sums, in the order dueValues gives them.
var dueColumns = []string{"n_on", "n_late", "n_open", "d_on", "d_late", "d_open", "w_on", "w_late", "w_open", "p_open", "wp_open"}

func dueValues(s *assess.DueSums) []any {
	return []any{s.N[0], s.N[1], s.N[2], s.Default[0], s.Default[1], s.Default[2], s.Weight[0], s.Weight[1], s.Weight[2], s.Percent, s.Weighted}
}

func scanDue(s *assess.DueSums) []any {
	return []any{&s.N[0], &s.N[1], &s.N[2], &s.Default[0], &s.Default[1], &s.Default[2], &s.Weight[0], &s.Weight[1], &s.Weight[2], &s.Percent, &s.Weighted}
}

// writeSumsDelta adds the delta to assess_due and assess_events.
func (db *DB) writeSumsDelta(ctx context.Context, tx *sql.Tx, delta sumsDelta) error {
	var due, events [][]any
	for k, t := range delta {
		for role, s := range t.Due {
			if s != (assess.DueSums{}) {
				due = append(due, append([]any{k.unit, role == 1, k.month}, dueValues(&s)...))
			}
		}
		for e, n := range t.Events {
			events = append(events, []any{k.unit, e.Co, e.Kind, e.Level, k.month, n})
		}
	}
	set := make([]string, len(dueColumns))
	for i, c := range dueColumns {
		set[i] = c + " = assess_due." + c + " + excluded." + c
	}
	cols := append([]string{"unit", "co", "month"}, dueColumns...)
	if err := db.upsertBatch(ctx, tx, "assess_due", cols, due, `(unit, co, month) DO UPDATE SET `+strings.Join(set, ", ")); err != nil {
		return fmt.Errorf("store: fold: %w", err)
	}
	if err := db.upsertBatch(ctx, tx, "assess_events", []string{"unit", "co", "kind", "level", "month", "n"}, events,
		`(unit, co, kind, level, month) DO UPDATE SET n = assess_events.n + excluded.n`); err != nil {
		return fmt.Errorf("store: fold: %w", err)
	}
	return nil
}
