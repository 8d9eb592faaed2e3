package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
)

// ImportPlan stores a parsed plan with all its tasks in one transaction:
// either everything lands or nothing does. A document already imported
// (same SourceSHA256) is not stored again; ImportPlan then returns the
// existing plan's id and created == false.
func (db *DB) ImportPlan(ctx context.Context, in PlanImport) (id int64, created bool, err error) {
	if err := validateImport(in); err != nil {
		return 0, false, err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, false, fmt.Errorf("store: import plan: begin: %w", err)
	}
	defer tx.Rollback()

	id, created, err = db.insertPlan(ctx, tx, in)
	if err != nil || !created {
		return id, false, err
	}
	status := "registered"
	if in.Draft {
		status = "draft"
	}
	// The tasks go in with their dates and, unless a draft, registered
	// (挂号): no row is written twice, so the triggers that keep
	// task_units' copy of the state and the dashboard's summaries run
	// once per row.
	ids, err := db.insertTasks(ctx, tx, id, in.Plan.Tasks, status)
	if err != nil {
		return 0, false, err
	}
	if err := db.linkTaskUnits(ctx, tx, id); err != nil {
		return 0, false, err
	}
	if err := db.indexTaskSearch(ctx, tx, ofPlan(id)); err != nil {
		return 0, false, err
	}
	if !in.Draft {
		if err := db.addRegisteredSteps(ctx, tx, in.Actor, ids, db.now()); err != nil {
			return 0, false, err
		}
	}
	summary := map[string]any{"title": in.Plan.Title, "doc_number": in.Plan.DocNumber, "source": in.SourceName,
		"sha256": in.SourceSHA256, "tasks": len(in.Plan.Tasks)}
	if err := db.appendAudit(ctx, tx, in.Actor, "plan.import", "plan", id, nil, summary); err != nil {
		return 0, false, err
	}
	if err := db.commit(tx); err != nil {
		return 0, false, fmt.Errorf("store: import plan: commit: %w", err)
	}
	return id, true, nil
}

func planStatus(draft bool) string {
	if draft {
		return "draft"
	}
	return "confirmed"
}

// insertPlan adds the plan row, or finds the row already there for the same
// document. ON CONFLICT DO NOTHING makes a concurrent import of the same
// file (possible on PostgreSQL) end in "exists" rather than an error.
func (db *DB) insertPlan(ctx context.Context, tx *sql.Tx, in PlanImport) (int64, bool, error) {
	p := in.Plan
	warnings, err := json.Marshal(nonNil(in.Warnings))
	if err != nil {
		return 0, false, fmt.Errorf("store: import plan: warnings: %w", err)
	}
	var id int64
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO plans (title, doc_number, issuer, issued_on, year,
		                   source_name, source_sha256, format, imported_at, status, source_text, warnings, imported_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_sha256) DO NOTHING
		RETURNING id`),
		p.Title, p.DocNumber, p.Issuer, nullDate(p.IssuedOn), p.Year,
		in.SourceName, in.SourceSHA256, in.Format,
		db.now(), planStatus(in.Draft), in.SourceText, string(warnings), nullID(in.Actor.ID),
	).Scan(&id)
	if err == nil {
		return id, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, false, fmt.Errorf("store: import plan: insert plan: %w", err)
	}
	err = tx.QueryRowContext(ctx, db.dialect.rebind(
		`SELECT id FROM plans WHERE source_sha256 = ?`), in.SourceSHA256).Scan(&id)
	if err != nil {
		return 0, false, fmt.Errorf("store: import plan: find existing: %w", err)
	}
	return id, false, nil
}

// taskStmts are the import's statements, prepared once per import: a plan
// has tens to hundreds of tasks, each with several child rows.
type taskStmts struct {
	task, unit, deadline, target, milestone *sql.Stmt
}

func (db *DB) prepareTaskStmts(ctx context.Context, tx *sql.Tx) (*taskStmts, error) {
	var s taskStmts
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&s.task, `INSERT INTO tasks (plan_id, seq, path, title, text, weight, optional, status)
		           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`},
		{&s.unit, `INSERT INTO task_units (task_id, seq, name, is_lead) VALUES (?, ?, ?, ?)`},
		{&s.deadline, `INSERT INTO task_deadlines (task_id, seq, text, due, every) VALUES (?, ?, ?, ?, ?)`},
		{&s.target, `INSERT INTO task_targets (task_id, seq, text, value, unit) VALUES (?, ?, ?, ?, ?)`},
		{&s.milestone, `INSERT INTO task_milestones (task_id, seq, text, due) VALUES (?, ?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, db.dialect.rebind(p.sql))
		if err != nil {
			s.close()
			return nil, fmt.Errorf("store: import plan: prepare: %w", err)
		}
		*p.dst = st
	}
	return &s, nil
}

func (s *taskStmts) close() {
	for _, st := range []*sql.Stmt{s.task, s.unit, s.deadline, s.target, s.milestone} {
		if st != nil {
			st.Close()
		}
	}
}

// insertTasks adds a plan's tasks with their parts in multi-row inserts
// (batch.go): a plan's few hundred rows go in a handful of round trips.
func (db *DB) insertTasks(ctx context.Context, tx *sql.Tx, planID int64, tasks []plandoc.Task, status string) ([]int64, error) {
	if len(tasks) == 0 {
		return nil, nil
	}
	var registered any
	if status == "registered" {
		registered = db.now()
	}
	rows := make([][]any, len(tasks))
	for i := range tasks {
		t := &tasks[i]
		path, err := json.Marshal(nonNil(t.Path))
		if err != nil {
			return nil, fmt.Errorf("store: import plan: task %d (%s): path: %w", i+1, t.Title, err)
		}
		final, next, every := importedDates(t)
		rows[i] = []any{planID, i, string(path), t.Title, t.Text, t.Weight, t.Optional, status,
			nullDay(final), nullDay(next), nullString(every), registered}
	}
	ids := make([]int64, len(tasks))
	err := db.insertBatch(ctx, tx, "tasks", []string{"plan_id", "seq", "path", "title", "text", "weight", "optional", "status",
		"due", "next_due", "every", "registered_at"}, rows,
		"id, seq", func(r *sql.Rows) error {
			var id int64
			var seq int
			if err := r.Scan(&id, &seq); err != nil {
				return err
			}
			if seq < 0 || seq >= len(ids) {
				return fmt.Errorf("task seq %d returned", seq)
			}
			ids[seq] = id
			return nil
		})
	if err == nil {
		err = db.insertTaskParts(ctx, tx, ids, tasks)
	}
	if err != nil {
		// When the context ends, database/sql rolls the transaction back
		// from another goroutine, so the statement in hand may fail with
		// "statement is closed": the cancellation is the cause worth
		// reporting.
		if cerr := ctx.Err(); cerr != nil {
			err = cerr
		}
		return nil, fmt.Errorf("store: import plan: %w", err)
	}
	return ids, nil
}

// importedDates are a new task's final deadline, next checkpoint and
// reporting cadence, worked out as refreshDates does from the rows its
// deadlines and milestones become (none done yet).
func importedDates(t *plandoc.Task) (final, next time.Time, every string) {
	var dues []time.Time
	var checks []ledger.Checkpoint
	for _, d := range t.Deadlines {
		if day, ok := parseDay(d.Due); ok {
			dues = append(dues, day)
		}
		if every == "" {
			every = d.Every
		}
	}
	for _, m := range t.Milestones {
		if day, ok := parseDay(m.Due); ok {
			dues = append(dues, day)
			checks = append(checks, ledger.Checkpoint{Due: day})
		}
	}
	final = ledger.FinalDue(dues)
	return final, ledger.NextDue(checks, final), every
}

// insertTaskParts adds the units, deadlines, targets and milestones of
// tasks, whose ids are ids, one multi-row insert per table.
func (db *DB) insertTaskParts(ctx context.Context, tx *sql.Tx, ids []int64, tasks []plandoc.Task) error {
	var units, deadlines, targets, milestones [][]any
	for i := range tasks {
		t, id := &tasks[i], ids[i]
		for j, u := range taskUnits(t) {
			units = append(units, []any{id, j, u.name, u.lead})
		}
		for j, d := range t.Deadlines {
			deadlines = append(deadlines, []any{id, j, d.Text, nullDate(d.Due), nullString(d.Every)})
		}
		for j, g := range t.Targets {
			targets = append(targets, []any{id, j, g.Text, g.Value, g.Unit})
		}
		for j, m := range t.Milestones {
			milestones = append(milestones, []any{id, j, m.Text, nullDate(m.Due)})
		}
	}
	for _, b := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"task_units", []string{"task_id", "seq", "name", "is_lead"}, units},
		{"task_deadlines", []string{"task_id", "seq", "text", "due", "every"}, deadlines},
		{"task_targets", []string{"task_id", "seq", "text", "value", "unit"}, targets},
		{"task_milestones", []string{"task_id", "seq", "text", "due"}, milestones},
	} {
		if err := db.insertBatch(ctx, tx, b.table, b.cols, b.rows, "", nil); err != nil {
			return err
		}
	}
	return nil
}

// insertTask adds one task with its parts and returns its id.
func insertTask(ctx context.Context, st *taskStmts, planID int64, seq int, t *plandoc.Task, status string) (int64, error) {
	path, err := json.Marshal(nonNil(t.Path))
	if err != nil {
		return 0, fmt.Errorf("path: %w", err)
	}
	var taskID int64
	if err := st.task.QueryRowContext(ctx, planID, seq, string(path), t.Title, t.Text,
		t.Weight, t.Optional, status).Scan(&taskID); err != nil {
		return 0, fmt.Errorf("insert task: %w", err)
	}
	for i, u := range taskUnits(t) {
		if _, err := st.unit.ExecContext(ctx, taskID, i, u.name, u.lead); err != nil {
			return 0, fmt.Errorf("insert unit %q: %w", u.name, err)
		}
	}
	for i, d := range t.Deadlines {
		if _, err := st.deadline.ExecContext(ctx, taskID, i, d.Text, nullDate(d.Due), nullString(d.Every)); err != nil {
			return 0, fmt.Errorf("insert deadline %q: %w", d.Text, err)
		}
	}
	for i, g := range t.Targets {
		if _, err := st.target.ExecContext(ctx, taskID, i, g.Text, g.Value, g.Unit); err != nil {
			return 0, fmt.Errorf("insert target %q: %w", g.Text, err)
		}
	}
	for i, m := range t.Milestones {
		if _, err := st.milestone.ExecContext(ctx, taskID, i, m.Text, nullDate(m.Due)); err != nil {
			return 0, fmt.Errorf("insert milestone %q: %w", m.Text, err)
		}
	}
	return taskID, nil
}

type unitRow struct {
	name string
	lead bool
}

// taskUnits merges a task's two unit lists into rows of one table: every
// unit once per listing, flagged when it leads. A lead unit that the units
// list lacks (the parser should not produce one) is kept as an extra row
// rather than lost.
func taskUnits(t *plandoc.Task) []unitRow {
	rows := make([]unitRow, 0, len(t.Units))
	for _, u := range t.Units {
		rows = append(rows, unitRow{name: u, lead: slices.Contains(t.LeadUnits, u)})
	}
	for _, u := range t.LeadUnits {
		if !slices.Contains(t.Units, u) {
			rows = append(rows, unitRow{name: u, lead: true})
		}
	}
	return rows
}

// validateImport rejects values the database would store wrongly rather
// than refuse: a date SQLite would keep as any text, a NaN it would turn
// into NULL. Constraints in the schema guard the rest.
func validateImport(in PlanImport) error {
	if in.Plan == nil {
		return fmt.Errorf("%w: import plan: no plan", ErrInvalid)
	}
	if b, err := hex.DecodeString(in.SourceSHA256); err != nil || len(b) != 32 {
		return fmt.Errorf("%w: import plan: source SHA-256 %q is not 64 hex digits", ErrInvalid, in.SourceSHA256)
	}
	if err := checkDate(in.Plan.IssuedOn); err != nil {
		return fmt.Errorf("%w: import plan: issued_on: %v", ErrInvalid, err)
	}
	for i, t := range in.Plan.Tasks {
		if err := validateTask(&t); err != nil {
			return fmt.Errorf("%w: import plan: task %d (%s): %v", ErrInvalid, i+1, t.Title, err)
		}
	}
	return nil
}

func validateTask(t *plandoc.Task) error {
	if t.Weight != nil && (math.IsNaN(*t.Weight) || math.IsInf(*t.Weight, 0)) {
		return fmt.Errorf("weight %v is not a number", *t.Weight)
	}
	for _, d := range t.Deadlines {
		if err := checkDate(d.Due); err != nil {
			return fmt.Errorf("deadline %q: %v", d.Text, err)
		}
	}
	for _, g := range t.Targets {
		if math.IsNaN(g.Value) || math.IsInf(g.Value, 0) {
			return fmt.Errorf("target %q: value %v is not a number", g.Text, g.Value)
		}
	}
	for _, m := range t.Milestones {
		if err := checkDate(m.Due); err != nil {
			return fmt.Errorf("milestone %q: %v", m.Text, err)
		}
	}
	return nil
}
