package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/workday"
)

// RankingInput reads what assess.Compute needs to rank every unit for the
// days from..to as of asOf (a day, at midnight UTC, as assesssvc's Today;
// to, the period's last day or asOf, whichever is earlier), without the
// lines that explain a score: the units, their tasks and events as
// tallies, and the records in force. It scores the same as
// AssessmentInput (TestRankingInputEqualsRead) and reads far less: the
// months wholly inside the span come from the sums (migration 0041), and
// only these tasks are read one by one, in the same snapshot —
//
//   - those changed since they were folded (assess_dirty), revoked after
//     to or completed after asOf (which the fold counted as revoked and
//     completed): what they added to the sums is taken out and they are
//     counted as they are;
//   - those due, or with an event, on the days outside the whole months
//     (this month's days up to today, for a period still running).
func (db *DB) RankingInput(ctx context.Context, from, to, asOf time.Time) (assess.Input, error) {
	var in assess.Input
	tx, err := db.beginRead(ctx)
	if err != nil {
		return in, fmt.Errorf("store: ranking: %w", err)
	}
	defer tx.Rollback()
	if in.Units, err = db.assessedUnits(ctx, tx); err != nil {
		return in, err
	}
	// Compute counts what happened by asOf only.
	limit := to
	if asOf.Before(limit) {
		limit = asOf
	}
	r := ranked{from: from, limit: limit, to: to, asOf: asOf, whole: wholeMonths(from, limit), tallies: map[int64]*assess.Tally{}}
	if !r.whole.empty() {
		if err := db.readSums(ctx, tx, r.whole, r.tally); err != nil {
			return in, err
		}
	}
	if err := db.readOneByOne(ctx, tx, &r); err != nil {
		return in, err
	}
	r.correct()
	r.count()
	in.Tallies = r.tallies
	if in.Records, err = db.assessmentRecords(ctx, tx, from, to); err != nil {
		return in, err
	}
	return in, tx.Commit()
}

// ranked is a ranking being read: its days, the units' tallies, and the
// tasks read one by one.
type ranked struct {
	from, limit, to, asOf time.Time
	whole                 months
	tallies               map[int64]*assess.Tally

	corrected, edge []int64 // see RankingInput
	states          map[int64]*assessState
	folded          map[int64][]foldedPart
}

func (r *ranked) tally(unit int64) *assess.Tally {
	t := r.tallies[unit]
	if t == nil {
		t = &assess.Tally{}
		r.tallies[unit] = t
	}
	return t
}

// readOneByOne reads the tasks RankingInput reads one by one. Many are
// selected in SQL rather than by a list of them: right after an upgrade
// every task of a province is marked, and PostgreSQL matches a list of
// 200,000 against every event row.
func (db *DB) readOneByOne(ctx context.Context, tx *sql.Tx, r *ranked) error {
	// A completion is dated by its day in China.
	after := time.Date(r.asOf.Year(), r.asOf.Month(), r.asOf.Day()+1, 0, 0, 0, 0, workday.Zone).UTC()
	correct := `SELECT task_id FROM assess_dirty UNION SELECT id FROM tasks WHERE revoked_on > ?
		UNION SELECT task_id FROM close_requests WHERE decision = 'closed' AND created_at >= ?`
	correctArgs := []any{r.to.Format(dateLayout), after}
	edge, edgeArgs := "", []any{}
	for _, days := range r.whole.outside(r.from, r.limit) {
		if edge != "" {
			edge += " UNION "
		}
		edge += `SELECT id FROM tasks WHERE due BETWEEN ? AND ?
			UNION SELECT task_id FROM supervision_events WHERE on_day BETWEEN ? AND ? AND kind IN ` + scoredEventKinds
		first, last := days[0].Format(dateLayout), days[1].Format(dateLayout)
		edgeArgs = append(edgeArgs, first, last, first, last)
	}
	var err error
	if r.corrected, err = db.taskIDs(ctx, tx, correct, correctArgs...); err != nil {
		return err
	}
	all, allArgs := correct, correctArgs
	if edge != "" {
		if r.edge, err = db.taskIDs(ctx, tx, edge, edgeArgs...); err != nil {
			return err
		}
		all, allArgs = correct+" UNION "+edge, append(correctArgs[:2:2], edgeArgs...)
	}
	scope, correctScope := inQuery(all, allArgs), inQuery(correct, correctArgs)
	if len(r.corrected)+len(r.edge) <= listedTasks {
		scope = db.ofTaskList(append(r.corrected[:len(r.corrected):len(r.corrected)], r.edge...), nil)
		correctScope = db.ofTaskList(r.corrected, nil)
	}
	if r.states, err = db.readAssessStates(ctx, tx, scope); err != nil {
		return err
	}
	r.folded, err = db.readFolded(ctx, tx, correctScope)
	return err
}

// listedTasks is how many tasks read one by one are named as a list, which
// both databases look up by index; beyond, they are selected by the SQL
// that found them, which the database joins, whatever its statistics say
// of the marks (PostgreSQL's may still count the 200,000 of the upgrade).
var listedTasks = 5000 // a variable, so that a test can read both ways

// inQuery is the tasks the query q selects, as a scope.
func inQuery(q string, args []any) childScope {
	return childScope{where: `c.task_id IN (` + q + `)`, taskWhere: `t.id IN (` + q + `)`, args: args}
}

// correct takes out of the sums of the whole months what the corrected
// tasks added when they were folded.
func (r *ranked) correct() {
	for _, id := range r.corrected {
		for _, f := range r.folded[id] {
			if r.whole.has(f.Month) {
				r.tally(f.Unit).Add(f.part(), -1)
			}
		}
	}
}

// count adds the tasks read one by one as they stand on asOf: a
// corrected task on every day of the span, another on the days outside
// the whole months (the sums count its others).
func (r *ranked) count() {
	corrected := make(map[int64]bool, len(r.corrected))
	for _, id := range r.corrected {
		corrected[id] = true
	}
	counted := make(map[int64]bool, len(r.corrected)+len(r.edge))
	var parts []assess.Part
	for _, id := range append(r.corrected[:len(r.corrected):len(r.corrected)], r.edge...) {
		if counted[id] {
			continue
		}
		counted[id] = true
		parts = r.states[id].parts(parts[:0], r.asOf, r.to)
		for _, p := range parts {
			if p.Day.Before(r.from) || p.Day.After(r.limit) || (r.whole.has(monthOf(p.Day)) && !corrected[id]) {
				continue
			}
			r.tally(p.Unit).Add(p, 1)
		}
	}
}

// months is a span of whole months, first..last as 202603; empty when
// first > last.
type months struct{ first, last int }

// wholeMonths is the months wholly inside from..to.
func wholeMonths(from, to time.Time) months {
	first := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
	if !first.Equal(from) {
		first = first.AddDate(0, 1, 0)
	}
	last := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC)
	if !last.AddDate(0, 1, -1).Equal(to) {
		last = last.AddDate(0, -1, 0)
	}
	return months{monthOf(first), monthOf(last)}
}

func (m months) empty() bool        { return m.first > m.last }
func (m months) has(month int) bool { return month >= m.first && month <= m.last }

// outside is the days of from..to outside the months, as at most two
// spans of [first, last] days.
func (m months) outside(from, to time.Time) [][2]time.Time {
	if m.empty() {
		return [][2]time.Time{{from, to}}
	}
	var out [][2]time.Time
	start := time.Date(m.first/100, time.Month(m.first%100), 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(m.last/100, time.Month(m.last%100)+1, 0, 0, 0, 0, 0, time.UTC)
	if from.Before(start) {
		out = append(out, [2]time.Time{from, start.AddDate(0, 0, -1)})
	}
	if to.After(end) {
		out = append(out, [2]time.Time{end.AddDate(0, 0, 1), to})
	}
	return out
}

// readSums adds the sums of the months m to the units' tallies.
func (db *DB) readSums(ctx context.Context, tx *sql.Tx, m months, tally func(int64) *assess.Tally) error {
	sum := ""
	for i, c := range dueColumns {
		if i > 0 {
			sum += ", "
		}
		sum += "CAST(SUM(" + c + ") AS BIGINT)"
	}
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT unit, co, `+sum+` FROM assess_due WHERE month BETWEEN ? AND ? GROUP BY unit, co`), m.first, m.last)
	if err != nil {
		return fmt.Errorf("store: ranking sums: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var unit int64
		var co bool
		var s assess.DueSums
		if err := rows.Scan(append([]any{&unit, &co}, scanDue(&s)...)...); err != nil {
			return fmt.Errorf("store: ranking sums: %w", err)
		}
		role := 0
		if co {
			role = 1
		}
		tally(unit).Due[role].Merge(&s)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: ranking sums: %w", err)
	}
	events, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT unit, co, kind, level, CAST(SUM(n) AS BIGINT) FROM assess_events
		WHERE month BETWEEN ? AND ? GROUP BY unit, co, kind, level`), m.first, m.last)
	if err != nil {
		return fmt.Errorf("store: ranking sums: %w", err)
	}
	defer events.Close()
	for events.Next() {
		var unit, n int64
		var e assess.EventCount
		if err := events.Scan(&unit, &e.Co, &e.Kind, &e.Level, &n); err != nil {
			return fmt.Errorf("store: ranking sums: %w", err)
		}
		t := tally(unit)
		if t.Events == nil {
			t.Events = map[assess.EventCount]int64{}
		}
		t.Events[e] += n
	}
	return events.Err()
}

// taskIDs runs a query of task ids.
func (db *DB) taskIDs(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: ranking tasks: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: ranking tasks: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// ExplainInput is RankingInput with unit's tasks and their events read
// one by one in place of its tally, so that Compute explains the unit
// line by line while every other unit is scored from the sums as the
// ranking is (TestExplainInputEqualsRead). It reads a unit's tasks, a
// few hundred, where AssessmentInput reads a province's.
func (db *DB) ExplainInput(ctx context.Context, from, to, asOf time.Time, unit int64) (assess.Input, error) {
	in, err := db.RankingInput(ctx, from, to, asOf)
	if err != nil {
		return in, err
	}
	delete(in.Tallies, unit)
	tx, err := db.beginRead(ctx)
	if err != nil {
		return in, fmt.Errorf("store: explain: %w", err)
	}
	defer tx.Rollback()
	ids, err := db.taskIDs(ctx, tx, `SELECT DISTINCT task_id FROM task_units WHERE unit_id = ? ORDER BY task_id`, unit)
	if err != nil {
		return in, err
	}
	states, err := db.readAssessStates(ctx, tx, db.ofTaskList(ids, nil))
	if err != nil {
		return in, err
	}
	for _, id := range ids {
		st := states[id]
		if !st.assessed(to) {
			continue
		}
		in.Tasks = append(in.Tasks, st.task)
		in.Events = append(in.Events, st.events...)
	}
	return in, tx.Commit()
}
