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
	p.source_name, p.source_sha256, p.format, p.imported_at, p.status, p.published_at, p.source,
	(SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id)`

func scanPlan(row interface{ Scan(...any) error }) (Plan, error) {
	var p Plan
	var issued dateValue
	var published sql.NullTime
	err := row.Scan(&p.ID, &p.Title, &p.DocNumber, &p.Issuer, &issued, &p.Year,
		&p.SourceName, &p.SourceSHA256, &p.Format, &p.ImportedAt, &p.Status, &published, &p.Source, &p.TaskCount)
	p.IssuedOn = string(issued)
	p.ImportedAt = p.ImportedAt.UTC()
	if published.Valid {
		t := published.Time.UTC()
		p.PublishedAt = &t
	}
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

// findTasks loads a plan's tasks, in document order, with their parts.
func (db *DB) findTasks(ctx context.Context, tx *sql.Tx, planID int64) ([]Task, error) {
	return db.queryTasks(ctx, tx, ` WHERE t.plan_id = ? ORDER BY t.seq`, []any{planID})
}

// FindPlanSource returns the text of a plan's document, for the review
// screen beside the extracted tasks.
func (db *DB) FindPlanSource(ctx context.Context, id int64) (string, error) {
	var text string
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT source_text FROM plans WHERE id = ?`), id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("store: plan %d source: %w", id, err)
	}
	return text, nil
}

// FindPlanWarnings returns what the parse of a plan's document did not
// read, as kept at import (none for a plan imported before duban kept
// them).
func (db *DB) FindPlanWarnings(ctx context.Context, id int64) ([]plandoc.Warning, error) {
	var text string
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT warnings FROM plans WHERE id = ?`), id).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: plan %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: plan %d warnings: %w", id, err)
	}
	out := []plandoc.Warning{}
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		return nil, fmt.Errorf("store: plan %d warnings: %w", id, err)
	}
	return out, nil
}

// FindPlanIDsInScope lists the plans an office or a leader bound to units
// (分级督查) lists: those with a task of one of scope's units, and those
// importer imported (plans.imported_by), in id order.
func (db *DB) FindPlanIDsInScope(ctx context.Context, scope []int64, importer int64) ([]int64, error) {
	q := `SELECT t.plan_id FROM tasks t JOIN task_units u ON u.task_id = t.id WHERE 1 = 1` + unitInScope("u.unit_id", scope) + `
		UNION SELECT p.id FROM plans p WHERE p.imported_by = ?
		ORDER BY 1`
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), append(scopeArgs(scope), importer)...)
	if err != nil {
		return nil, fmt.Errorf("store: plans in scope: %w", err)
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: plans in scope: scan: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: plans in scope: %w", err)
	}
	return ids, nil
}
