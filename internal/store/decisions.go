package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// SetDecisionCatalogue moves a year's catalogue to state (draft,
// approved, published), creating it as a draft first when the year has
// none, with note and an audit entry. The service checks the order.
func (db *DB) SetDecisionCatalogue(ctx context.Context, actor audit.Actor, year int, state, note string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: decision catalogue %d: %w", year, err)
	}
	defer tx.Rollback()
	before, err := db.ensureCatalogue(ctx, tx, year)
	if err != nil {
		return err
	}
	now := db.now()
	q := `UPDATE decision_catalogues SET state = ?, note = ? WHERE year = ?`
	args := []any{state, note, year}
	switch state {
	case records.CatalogueApproved:
		q = `UPDATE decision_catalogues SET state = ?, note = ?, approved_by = ?, approved_at = ? WHERE year = ?`
		args = []any{state, note, actor.Username, now, year}
	case records.CataloguePublished:
		q = `UPDATE decision_catalogues SET state = ?, note = ?, published_at = ? WHERE year = ?`
		args = []any{state, note, now, year}
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(q), args...); err != nil {
		return fmt.Errorf("store: decision catalogue %d: %w", year, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "decision.catalogue", "decision_catalogue", year,
		map[string]any{"state": before}, map[string]any{"state": state, "note": note}); err != nil {
		return err
	}
	return db.commit(tx)
}

// ensureCatalogue is the state of year's catalogue, created as a draft
// when there is none.
func (db *DB) ensureCatalogue(ctx context.Context, tx *sql.Tx, year int) (string, error) {
	var state string
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT state FROM decision_catalogues WHERE year = ?`), year).Scan(&state)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO decision_catalogues (year, state, created_at) VALUES (?, 'draft', ?)`),
			year, db.now()); err != nil {
			return "", fmt.Errorf("store: decision catalogue %d: %w", year, err)
		}
		return records.CatalogueDraft, nil
	}
	if err != nil {
		return "", fmt.Errorf("store: decision catalogue %d: %w", year, err)
	}
	return state, nil
}

// CreateDecision enters a decision into its year's catalogue (created as
// a draft on first use), audited; in a published catalogue it is an
// adjustment, recorded with d.Reason.
func (db *DB) CreateDecision(ctx context.Context, actor audit.Actor, d records.NewDecision) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create decision: %w", err)
	}
	defer tx.Rollback()
	state, err := db.ensureCatalogue(ctx, tx, d.Year)
	if err != nil {
		return 0, err
	}
	now := db.now()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO decisions (year, title, summary, unit_id, planned, status, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, 'planned', ?, ?) RETURNING id`),
		d.Year, d.Title, d.Summary, d.UnitID, d.Planned, actor.Username, now).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create decision: %w", conflict(err))
	}
	if state == records.CataloguePublished {
		if err := db.adjustCatalogue(ctx, tx, actor, d.Year, id, "added", d.Reason); err != nil {
			return 0, err
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "decision.create", "decision", id, nil,
		map[string]any{"year": d.Year, "title": d.Title, "unit": d.UnitID, "planned": d.Planned, "reason": d.Reason}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

func (db *DB) adjustCatalogue(ctx context.Context, tx *sql.Tx, actor audit.Actor, year int, id int64, kind, reason string) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO decision_adjustments (year, decision_id, kind, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)`),
		year, id, kind, reason, actor.Username, db.now()); err != nil {
		return fmt.Errorf("store: decision %d adjustment: %w", id, err)
	}
	return nil
}

// AddDecisionStep records a step of decision id with its documents and
// the decision's status after it, audited; a withdrawal from a published
// catalogue is also its adjustment. The step is taken only if the
// decision still has s.Before's status and s.Seen steps, the state the
// service checked it on: another step taken meanwhile (a second
// publication sent at once) makes it ErrConflict.
func (db *DB) AddDecisionStep(ctx context.Context, actor audit.Actor, id int64, s records.NewDecisionStep) (int64, error) {
	if err := checkDate(s.From); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := checkDate(s.To); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: decision %d step: %w", id, err)
	}
	defer tx.Rollback()
	var year int
	var before string
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT year, status FROM decisions WHERE id = ?`), id).Scan(&year, &before); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("store: decision %d: %w", id, ErrNotFound)
		}
		return 0, fmt.Errorf("store: decision %d: %w", id, err)
	}
	// Writers take turns (beginWrite), so the state read here is the
	// one the update below changes.
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE decisions SET status = ?, exec_task_id = COALESCE(?, exec_task_id), eval_task_id = COALESCE(?, eval_task_id)
		WHERE id = ? AND status = ? AND (SELECT COUNT(*) FROM decision_steps WHERE decision_id = ?) = ?`),
		s.Status, nullID(s.ExecTask), nullID(s.EvalTask), id, s.Before, id, s.Seen)
	if err != nil {
		return 0, fmt.Errorf("store: decision %d status: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, fmt.Errorf("store: decision %d status: %w", id, err)
	} else if n == 0 {
		return 0, fmt.Errorf("store: decision %d changed since it was read (%s): %w", id, before, ErrConflict)
	}
	now := db.now()
	var step int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO decision_steps (decision_id, kind, gate, from_on, to_on, result, body, reason, actor, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		id, s.Kind, s.Gate, nullDate(s.From), nullDate(s.To), s.Result, s.Body, s.Reason, actor.Username, now).Scan(&step); err != nil {
		return 0, fmt.Errorf("store: decision %d step: %w", id, err)
	}
	for _, a := range s.Files {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			INSERT INTO decision_files (step_id, filename, content_type, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)`),
			step, a.Filename, a.ContentType, a.Size, a.SHA256, now); err != nil {
			return 0, fmt.Errorf("store: decision %d file %s: %w", id, a.Filename, err)
		}
	}
	if s.Kind == "withdraw" {
		var state string
		if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT state FROM decision_catalogues WHERE year = ?`), year).Scan(&state); err != nil {
			return 0, fmt.Errorf("store: decision catalogue %d: %w", year, err)
		}
		if state == records.CataloguePublished {
			if err := db.adjustCatalogue(ctx, tx, actor, year, id, "withdrawn", s.Reason); err != nil {
				return 0, err
			}
		}
	}
	names := make([]string, 0, len(s.Files))
	for _, a := range s.Files {
		names = append(names, a.Filename)
	}
	if err := db.appendAudit(ctx, tx, actor, "decision.step", "decision", id, map[string]any{"status": before},
		map[string]any{"kind": s.Kind, "gate": s.Gate, "from": s.From, "to": s.To, "result": s.Result, "reason": s.Reason,
			"status": s.Status, "files": names, "exec_task": s.ExecTask, "eval_task": s.EvalTask}); err != nil {
		return 0, err
	}
	return step, db.commit(tx)
}

// SetDecisionTasks links decision id's 执行 and 后评估 tasks, scheduled
// on its publication, audited.
func (db *DB) SetDecisionTasks(ctx context.Context, actor audit.Actor, id, exec, eval int64) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: decision %d tasks: %w", id, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE decisions SET exec_task_id = ?, eval_task_id = ? WHERE id = ?`), nullID(exec), nullID(eval), id)
	if err != nil {
		return fmt.Errorf("store: decision %d tasks: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("store: decision %d: %w", id, ErrNotFound)
	}
	if err := db.appendAudit(ctx, tx, actor, "decision.tasks", "decision", id, nil,
		map[string]any{"exec_task": exec, "eval_task": eval}); err != nil {
		return err
	}
	return db.commit(tx)
}

// AddDecisionComment keeps a comment from the public on decision id, the
// commenter's name and contact sealed, audited.
func (db *DB) AddDecisionComment(ctx context.Context, actor audit.Actor, id int64, c records.DecisionComment) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: decision %d comment: %w", id, err)
	}
	defer tx.Rollback()
	s := sealer{s: db.suite}
	name, contact := s.seal("commenter_name", c.Name), s.seal("commenter_contact", c.Contact)
	if s.err != nil {
		return 0, s.err
	}
	var cid int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO decision_comments (decision_id, name, contact, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`),
		id, name, contact, c.Body, db.now()).Scan(&cid); err != nil {
		return 0, fmt.Errorf("store: decision %d comment: %w", id, conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "decision.comment", "decision", id, nil,
		map[string]any{"comment": cid, "length": len([]rune(c.Body))}); err != nil {
		return 0, err
	}
	return cid, db.commit(tx)
}

const decisionColumns = `d.id, d.year, d.title, d.summary, d.unit_id, COALESCE(u.name, ''), d.planned, d.status,
	COALESCE(d.exec_task_id, 0), COALESCE(d.eval_task_id, 0), d.created_by, d.created_at`

// FindDecisions lists the decisions of year (every year for 0) in the
// order entered, each with its steps and their documents.
func (db *DB) FindDecisions(ctx context.Context, year int) ([]records.Decision, error) {
	where, args := ``, []any{}
	if year != 0 {
		where, args = ` WHERE d.year = ?`, []any{year}
	}
	return db.findDecisions(ctx, where, args...)
}

// FindDecision returns a decision with its steps and comments (opened),
// or ErrNotFound.
func (db *DB) FindDecision(ctx context.Context, id int64) (*records.Decision, error) {
	list, err := db.findDecisions(ctx, ` WHERE d.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: decision %d: %w", id, ErrNotFound)
	}
	d := &list[0]
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT id, name, contact, body, created_at FROM decision_comments WHERE decision_id = ? ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: decision %d comments: %w", id, err)
	}
	defer rows.Close()
	s := sealer{s: db.suite}
	d.Comments = []records.DecisionComment{}
	for rows.Next() {
		var c records.DecisionComment
		if err := rows.Scan(&c.ID, &c.Name, &c.Contact, &c.Body, &c.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: decision %d comments: %w", id, err)
		}
		s.open("commenter_name", &c.Name)
		s.open("commenter_contact", &c.Contact)
		c.CreatedAt = c.CreatedAt.UTC()
		d.Comments = append(d.Comments, c)
	}
	if s.err != nil {
		return nil, s.err
	}
	return d, rows.Err()
}

func (db *DB) findDecisions(ctx context.Context, where string, args ...any) ([]records.Decision, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+decisionColumns+`
		FROM decisions d LEFT JOIN units u ON u.id = d.unit_id`+where+` ORDER BY d.year, d.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: decisions: %w", err)
	}
	out := []records.Decision{}
	index := map[int64]int{}
	for rows.Next() {
		var d records.Decision
		if err := rows.Scan(&d.ID, &d.Year, &d.Title, &d.Summary, &d.UnitID, &d.Unit, &d.Planned, &d.Status,
			&d.ExecTask, &d.EvalTask, &d.CreatedBy, &d.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: decisions: %w", err)
		}
		d.CreatedAt, d.Steps = d.CreatedAt.UTC(), []records.DecisionStep{}
		index[d.ID] = len(out)
		out = append(out, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	srows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT s.decision_id, s.id, s.kind, s.gate, s.from_on, s.to_on, s.result, s.body, s.reason, s.actor, s.at
		FROM decision_steps s JOIN decisions d ON d.id = s.decision_id`+where+` ORDER BY s.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: decision steps: %w", err)
	}
	steps := map[int64][2]int{}
	for srows.Next() {
		var did int64
		var s records.DecisionStep
		var from, to dateValue
		if err := srows.Scan(&did, &s.ID, &s.Kind, &s.Gate, &from, &to, &s.Result, &s.Body, &s.Reason, &s.Actor, &s.At); err != nil {
			srows.Close()
			return nil, fmt.Errorf("store: decision steps: %w", err)
		}
		s.From, s.To, s.At, s.Files = string(from), string(to), s.At.UTC(), []records.Attachment{}
		i := index[did]
		steps[s.ID] = [2]int{i, len(out[i].Steps)}
		out[i].Steps = append(out[i].Steps, s)
	}
	srows.Close()
	if err := srows.Err(); err != nil {
		return nil, fmt.Errorf("store: decision steps: %w", err)
	}
	frows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT f.step_id, f.id, f.filename, f.content_type, f.size, f.sha256, f.created_at
		FROM decision_files f JOIN decision_steps s ON s.id = f.step_id JOIN decisions d ON d.id = s.decision_id`+where+` ORDER BY f.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: decision files: %w", err)
	}
	defer frows.Close()
	for frows.Next() {
		var sid int64
		var a records.Attachment
		if err := frows.Scan(&sid, &a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: decision files: %w", err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		if at, ok := steps[sid]; ok {
			out[at[0]].Steps[at[1]].Files = append(out[at[0]].Steps[at[1]].Files, a)
		}
	}
	return out, frows.Err()
}

// FindDecisionCatalogue returns year's catalogue with its decisions and
// adjustments, or ErrNotFound when the year has none.
func (db *DB) FindDecisionCatalogue(ctx context.Context, year int) (*records.DecisionCatalogue, error) {
	c := records.DecisionCatalogue{Year: year}
	var approved, published sql.NullTime
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT state, note, approved_by, approved_at, published_at FROM decision_catalogues WHERE year = ?`), year).Scan(
		&c.State, &c.Note, &c.ApprovedBy, &approved, &published)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: decision catalogue %d: %w", year, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: decision catalogue %d: %w", year, err)
	}
	if approved.Valid {
		t := approved.Time.UTC()
		c.ApprovedAt = &t
	}
	if published.Valid {
		t := published.Time.UTC()
		c.PublishedAt = &t
	}
	if c.Items, err = db.FindDecisions(ctx, year); err != nil {
		return nil, err
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT a.id, a.decision_id, d.title, a.kind, a.reason, a.actor, a.at
		FROM decision_adjustments a JOIN decisions d ON d.id = a.decision_id WHERE a.year = ? ORDER BY a.id`), year)
	if err != nil {
		return nil, fmt.Errorf("store: decision adjustments: %w", err)
	}
	defer rows.Close()
	c.Adjustments = []records.DecisionAdjustment{}
	for rows.Next() {
		var a records.DecisionAdjustment
		if err := rows.Scan(&a.ID, &a.DecisionID, &a.Title, &a.Kind, &a.Reason, &a.Actor, &a.At); err != nil {
			return nil, fmt.Errorf("store: decision adjustments: %w", err)
		}
		a.At = a.At.UTC()
		c.Adjustments = append(c.Adjustments, a)
	}
	return &c, rows.Err()
}

// FindDecisionFile returns a decision's document and the decision it
// belongs to, or ErrNotFound.
func (db *DB) FindDecisionFile(ctx context.Context, id int64) (*records.Attachment, int64, error) {
	var a records.Attachment
	var did int64
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT f.id, f.filename, f.content_type, f.size, f.sha256, f.created_at, s.decision_id
		FROM decision_files f JOIN decision_steps s ON s.id = f.step_id WHERE f.id = ?`), id).Scan(
		&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt, &did)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, fmt.Errorf("store: decision file %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("store: decision file %d: %w", id, err)
	}
	return &a, did, nil
}
