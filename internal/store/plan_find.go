package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/plandoc"
)

// planColumns lists the plans columns that scanPlan reads, in its order.
const planColumns = `p.id, p.title, p.doc_number, p.issuer, p.issued_on, p.year,
	p.source_name, p.source_sha256, p.format, p.imported_at,
	(SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id)`

func scanPlan(row interface{ Scan(...any) error }) (Plan, error) {
	var p Plan
	var issued dateValue
	err := row.Scan(&p.ID, &p.Title, &p.DocNumber, &p.Issuer, &issued, &p.Year,
		&p.SourceName, &p.SourceSHA256, &p.Format, &p.ImportedAt, &p.TaskCount)
	p.IssuedOn = string(issued)
	p.ImportedAt = p.ImportedAt.UTC()
	return p, err
}

// FindPlans lists every stored plan, oldest import first, with its task
// count but without its tasks.
func (db *DB) FindPlans(ctx context.Context) ([]Plan, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find plans: begin: %w", err)
	}
	defer tx.Rollback()

	rows, err := tx.QueryContext(ctx, `SELECT `+planColumns+` FROM plans p ORDER BY p.id`)
	if err != nil {
		return nil, fmt.Errorf("store: find plans: %w", err)
	}
	defer rows.Close()
	plans := []Plan{}
	for rows.Next() {
		p, err := scanPlan(rows)
		if err != nil {
			return nil, fmt.Errorf("store: find plans: scan: %w", err)
		}
		plans = append(plans, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find plans: %w", err)
	}
	return plans, tx.Commit()
}

// FindPlanByID returns one plan with all its tasks, in document order.
// A plan that does not exist is ErrNotFound.
func (db *DB) FindPlanByID(ctx context.Context, id int64) (*Plan, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find plan %d: begin: %w", id, err)
	}
	defer tx.Rollback()

	p, err := scanPlan(tx.QueryRowContext(ctx, db.dialect.rebind(
		`SELECT `+planColumns+` FROM plans p WHERE p.id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: find plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: find plan %d: %w", id, err)
	}
	if p.Tasks, err = db.findTasks(ctx, tx, id); err != nil {
		return nil, fmt.Errorf("store: find plan %d: %w", id, err)
	}
	return &p, tx.Commit()
}

// findTasks loads a plan's tasks and their child rows: one query per
// table, joined in Go, rather than one query per task.
func (db *DB) findTasks(ctx context.Context, tx *sql.Tx, planID int64) ([]Task, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, seq, path, title, text, weight, optional
		FROM tasks WHERE plan_id = ? ORDER BY seq`), planID)
	if err != nil {
		return nil, fmt.Errorf("tasks: %w", err)
	}
	defer rows.Close()
	tasks := []Task{}
	byID := map[int64]int{} // task id → index in tasks
	for rows.Next() {
		t := Task{PlanID: planID}
		var path string
		var weight sql.NullFloat64
		if err := rows.Scan(&t.ID, &t.Seq, &path, &t.Title, &t.Text, &weight, &t.Optional); err != nil {
			return nil, fmt.Errorf("tasks: scan: %w", err)
		}
		if err := json.Unmarshal([]byte(path), &t.Path); err != nil {
			return nil, fmt.Errorf("task %d: path: %w", t.ID, err)
		}
		if weight.Valid {
			t.Weight = &weight.Float64
		}
		t.Path = nonNil(t.Path)
		t.LeadUnits, t.Units = []string{}, []string{}
		t.Deadlines, t.Targets, t.Milestones = []plandoc.Deadline{}, []plandoc.Target{}, []plandoc.Milestone{}
		byID[t.ID] = len(tasks)
		tasks = append(tasks, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("tasks: %w", err)
	}
	rows.Close()
	if len(tasks) == 0 {
		return tasks, nil
	}
	if err := db.findTaskChildren(ctx, tx, ofPlan(planID), tasks, byID); err != nil {
		return nil, err
	}
	return tasks, nil
}
