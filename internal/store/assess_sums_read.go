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
// days from..to as of asOf, without the lines that explain a score: the
// units, their tasks and events as tallies, and the records in force. It
// scores the same as AssessmentInput (TestRankingInputEqualsRead) and
// reads far less: the months wholly inside the span come from the sums
// (migration 0041), and only these tasks are read one by one, in the
// same snapshot —
//
//   - those changed since they were folded (assess_dirty): what they
//     added to the sums is taken out and they are counted as they are;
//   - those revoked after to or completed after asOf, which the fold
//     counted as revoked and completed: likewise;
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
	in.Tallies = map[int64]*assess.Tally{}
	tally := func(unit int64) *assess.Tally {
		t := in.Tallies[unit]
		if t == nil {
			t = &assess.Tally{}
			in.Tallies[unit] = t
		}
		return t
	}
	whole := wholeMonths(from, to)
	if !whole.empty() {
		if err := db.readSums(ctx, tx, whole, tally); err != nil {
			return in, err
		}
	}
	// The tasks the sums may count otherwise than this reading.
	changed, err := db.taskIDs(ctx, tx, `SELECT task_id FROM assess_dirty`)
	if err != nil {
		return in, err
	}
	dirty := make(map[int64]bool, len(changed))
	for _, id := range changed {
		dirty[id] = true
	}
	// Completed after asOf: a completion is dated by its day in China.
	after := time.Date(asOf.Year(), asOf.Month(), asOf.Day()+1, 0, 0, 0, 0, workday.Zone).UTC()
	later, err := db.taskIDs(ctx, tx, `SELECT id FROM tasks WHERE revoked_on > ?
		UNION SELECT task_id FROM close_requests WHERE decision = 'closed' AND created_at >= ?`, to.Format(dateLayout), after)
	if err != nil {
		return in, err
	}
	correct := append(changed[:len(changed):len(changed)], later...)
	// The days outside the whole months.
	var edge []int64
	for _, days := range whole.outside(from, to) {
		ids, err := db.taskIDs(ctx, tx, `SELECT id FROM tasks WHERE due BETWEEN ? AND ?
			UNION SELECT task_id FROM supervision_events WHERE on_day BETWEEN ? AND ? AND kind IN `+scoredEventKinds,
			days[0].Format(dateLayout), days[1].Format(dateLayout), days[0].Format(dateLayout), days[1].Format(dateLayout))
		if err != nil {
			return in, err
		}
		edge = append(edge, ids...)
	}
	all := append(correct[:len(correct):len(correct)], edge...)
	states, err := db.readAssessStates(ctx, tx, all)
	if err != nil {
		return in, err
	}
	folded, err := db.readFolded(ctx, tx, changed)
	if err != nil {
		return in, err
	}
	var parts []assess.Part
	corrected := make(map[int64]bool, len(correct))
	for _, id := range correct {
		if corrected[id] {
			continue
		}
		corrected[id] = true
		// What the sums hold of the task: as folded when it was, else
		// (unchanged since) as a fold of it now would.
		var was []foldedPart
		if dirty[id] {
			was = folded[id]
		} else {
			for _, p := range states[id].parts(parts[:0], forever, forever) {
				was = append(was, foldPart(p))
			}
		}
		for _, f := range was {
			if whole.has(f.Month) {
				tally(f.Unit).Add(f.part(), -1)
			}
		}
	}
	counted := make(map[int64]bool, len(all))
	for _, id := range all {
		if counted[id] {
			continue
		}
		counted[id] = true
		parts = states[id].parts(parts[:0], asOf, to)
		for _, p := range parts {
			if p.Day.Before(from) || p.Day.After(to) {
				continue
			}
			// A day of a whole month is in the sums: counted here only for
			// a task whose summed parts were taken out above.
			if whole.has(monthOf(p.Day)) && !corrected[id] {
				continue
			}
			tally(p.Unit).Add(p, 1)
		}
	}
	if in.Records, err = db.assessmentRecords(ctx, tx, from, to); err != nil {
		return in, err
	}
	return in, tx.Commit()
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
		t := tally(unit)
		t.Merge(&assess.Tally{Due: dueOf(role, s)})
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

func dueOf(role int, s assess.DueSums) (d [2]assess.DueSums) {
	d[role] = s
	return d
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
	states, err := db.readAssessStates(ctx, tx, ids)
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
