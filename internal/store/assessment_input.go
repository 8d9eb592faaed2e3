package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/workday"
)

// AssessmentInput reads what assess.Compute needs for the days from..to:
// the units that hold registered tasks (not the catch-all groups such as
// 市级有关部门), the tasks due or supervised then with their units, the day
// each was completed — the day of the 销号 application the office
// accepted — the supervision events and the records in force. The
// ranking and the explanations read the kept sums (RankingInput,
// ExplainInput); the 通报's year figures, which name tasks, read this. Its
// plain scans are kept apart from readAssessStates: selecting the same
// 90,000 tasks through it took twice as long (3.0 s against 1.5 s on
// SQLite, 2.0 s against 0.9 s on PostgreSQL, BenchmarkProvince).
func (db *DB) AssessmentInput(ctx context.Context, from, to time.Time) (assess.Input, error) {
	var in assess.Input
	f, t := from.Format(dateLayout), to.Format(dateLayout)
	var err error
	if in.Units, err = db.assessedUnits(ctx, db.read); err != nil {
		return in, err
	}
	if err := db.assessedTaskRows(ctx, &in, f, t); err != nil {
		return in, err
	}
	events, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT key, task_id, kind, level, label, on_day FROM supervision_events
		WHERE on_day BETWEEN ? AND ? AND kind IN `+scoredEventKinds), f, t)
	if err != nil {
		return in, fmt.Errorf("store: assessment events: %w", err)
	}
	for events.Next() {
		var e assess.Event
		var on dateValue
		if err := events.Scan(&e.Key, &e.TaskID, &e.Kind, &e.Level, &e.Label, &on); err != nil {
			events.Close()
			return in, fmt.Errorf("store: assessment events: %w", err)
		}
		e.On, _ = parseDay(string(on))
		in.Events = append(in.Events, e)
	}
	events.Close()
	in.Records, err = db.assessmentRecords(ctx, db.read, from, to)
	return in, err
}

// assessedUnits are the units that hold registered tasks, not the
// catch-all groups such as 市级有关部门.
func (db *DB) assessedUnits(ctx context.Context, q querier) ([]assess.Unit, error) {
	// unit_lights counts each unit's tasks by status and month (migration
	// 0035): a few rows a unit where task_units has hundreds, found by its
	// key's first column.
	rows, err := q.QueryContext(ctx, `
		SELECT id, name FROM units u WHERE kind <> 'group'
		AND EXISTS (SELECT 1 FROM unit_lights l WHERE l.unit = u.id AND l.status <> 'draft')
		ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: assessment units: %w", err)
	}
	defer rows.Close()
	var out []assess.Unit
	for rows.Next() {
		var u assess.Unit
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return nil, fmt.Errorf("store: assessment units: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// assessmentRecords are the 激励/问责 records in force made from..to.
func (db *DB) assessmentRecords(ctx context.Context, q querier, from, to time.Time) ([]assess.Record, error) {
	rows, err := q.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, unit_id, kind, title, on_day FROM assessment_records WHERE revoked_at IS NULL AND on_day BETWEEN ? AND ?`),
		from.Format(dateLayout), to.Format(dateLayout))
	if err != nil {
		return nil, fmt.Errorf("store: assessment records: %w", err)
	}
	defer rows.Close()
	var out []assess.Record
	for rows.Next() {
		var r assess.Record
		var on dateValue
		if err := rows.Scan(&r.ID, &r.UnitID, &r.Kind, &r.Title, &on); err != nil {
			return nil, fmt.Errorf("store: assessment records: %w", err)
		}
		r.On, _ = parseDay(string(on))
		out = append(out, r)
	}
	return out, rows.Err()
}

// assessedTaskRows reads the ledger's tasks (not drafts) that were due
// from f to t, or supervised then, with their units. A province's ledger
// is read in a few plain scans joined here: SQL's OR over a subquery and
// joins per row took seconds.
func (db *DB) assessedTaskRows(ctx context.Context, in *assess.Input, f, t string) error {
	at := map[int64]int{}
	read := func(q string, args ...any) error {
		rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), args...)
		if err != nil {
			return fmt.Errorf("store: assessment tasks: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var tk assess.Task
			var weight, percent sql.NullFloat64
			var due dateValue
			if err := rows.Scan(&tk.ID, &tk.Title, &weight, &due, &percent); err != nil {
				return fmt.Errorf("store: assessment tasks: %w", err)
			}
			if _, dup := at[tk.ID]; dup {
				continue
			}
			tk.Weight, tk.Percent = weight.Float64, percent.Float64
			tk.Due, _ = parseDay(string(due))
			at[tk.ID] = len(in.Tasks)
			in.Tasks = append(in.Tasks, tk)
		}
		return rows.Err()
	}
	// A task revoked (撤销) on or before the period's last day is not
	// assessed in it: it left the ledger's count the day it was revoked.
	if err := read(`SELECT id, title, weight, due, percent FROM tasks WHERE status <> 'draft'
		AND (revoked_on IS NULL OR revoked_on > ?) AND due BETWEEN ? AND ?`, t, f, t); err != nil {
		return err
	}
	// The tasks supervised in the period and not due in it: those due in
	// it are read above (a province's year has 90,000 of them).
	if err := read(`SELECT id, title, weight, due, percent FROM tasks WHERE status <> 'draft' AND (revoked_on IS NULL OR revoked_on > ?)
		AND (due IS NULL OR due < ? OR due > ?)
		AND id IN (SELECT task_id FROM supervision_events WHERE on_day BETWEEN ? AND ?)`, t, f, t, f, t); err != nil {
		return err
	}
	if err := db.completionDays(ctx, in, at); err != nil {
		return err
	}
	units := make(map[int64]bool, len(in.Units))
	for _, u := range in.Units {
		units[u.ID] = true
	}
	// A plain scan: a filter or an order here made SQLite sort 400,000
	// rows; the tasks read above are the filter.
	shares, err := db.read.QueryContext(ctx, `SELECT task_id, unit_id, is_lead FROM task_units WHERE unit_id IS NOT NULL`)
	if err != nil {
		return fmt.Errorf("store: assessment units of tasks: %w", err)
	}
	defer shares.Close()
	for shares.Next() {
		var task int64
		var s assess.Share
		if err := shares.Scan(&task, &s.UnitID, &s.Lead); err != nil {
			return fmt.Errorf("store: assessment units of tasks: %w", err)
		}
		i, ok := at[task]
		if !ok || !units[s.UnitID] {
			continue
		}
		// A task that names one unit twice (by its name and an alias, or
		// two units since merged) gives it one share, lead if either is.
		if j := slices.IndexFunc(in.Tasks[i].Units, func(x assess.Share) bool { return x.UnitID == s.UnitID }); j >= 0 {
			in.Tasks[i].Units[j].Lead = in.Tasks[i].Units[j].Lead || s.Lead
			continue
		}
		in.Tasks[i].Units = append(in.Tasks[i].Units, s)
	}
	return shares.Err()
}

// completionDays sets each completed task's Done: the day (in China) of
// its 销号 application that the office accepted.
func (db *DB) completionDays(ctx context.Context, in *assess.Input, at map[int64]int) error {
	rows, err := db.read.QueryContext(ctx, `SELECT task_id, created_at FROM close_requests WHERE decision = 'closed'`)
	if err != nil {
		return fmt.Errorf("store: assessment completions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var task int64
		var applied time.Time
		if err := rows.Scan(&task, &applied); err != nil {
			return fmt.Errorf("store: assessment completions: %w", err)
		}
		i, ok := at[task]
		if !ok {
			continue
		}
		in.Tasks[i].Done = completedBy(in.Tasks[i].Done, applied)
	}
	return rows.Err()
}

// completedBy is the day a task was completed, done so far, given one
// more accepted 销号 application made at applied: the earliest such day
// in China.
func completedBy(done, applied time.Time) time.Time {
	day := workday.DateOf(applied.In(workday.Zone))
	if done.IsZero() || day.Before(done) {
		return day
	}
	return done
}
