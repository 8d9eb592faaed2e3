package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateMatters stores 督办件 in one transaction: each becomes a task
// registered (挂号) at once in the register plan of its source and year
// (created, confirmed, on first use), numbered after the register's last
// matter, with its units, deadlines, 办理要求 and source record, a
// registered step in its history and an audit entry. All or nothing; it
// returns the tasks' ids in order.
func (db *DB) CreateMatters(ctx context.Context, actor audit.Actor, in []records.NewMatter) ([]int64, error) {
	for i, m := range in {
		if !records.KnownSource(m.Source) || m.Source == records.SourcePlan {
			return nil, fmt.Errorf("%w: matter %d: source %q", ErrInvalid, i+1, m.Source)
		}
		if err := validateTask(&m.Task); err != nil {
			return nil, fmt.Errorf("%w: matter %d: %v", ErrInvalid, i+1, err)
		}
		if err := checkDate(m.Matter.MinutesOn); err != nil {
			return nil, fmt.Errorf("%w: matter %d: minutes date: %v", ErrInvalid, i+1, err)
		}
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: create matters: %w", err)
	}
	defer tx.Rollback()
	st, err := db.prepareTaskStmts(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer st.close()
	ids := make([]int64, 0, len(in))
	for i := range in {
		id, err := db.createMatter(ctx, tx, st, actor, &in[i])
		if err != nil {
			return nil, fmt.Errorf("store: create matter %d: %w", i+1, err)
		}
		ids = append(ids, id)
	}
	if err := db.commit(tx); err != nil {
		return nil, fmt.Errorf("store: create matters: commit: %w", err)
	}
	return ids, nil
}

func (db *DB) createMatter(ctx context.Context, tx *sql.Tx, st *taskStmts, actor audit.Actor, m *records.NewMatter) (int64, error) {
	planID, err := db.registerPlan(ctx, tx, m.Source, m.Year, m.PlanTitle)
	if err != nil {
		return 0, err
	}
	seq, err := db.nextSeq(ctx, tx, planID)
	if err != nil {
		return 0, err
	}
	t := m.Task
	t.Path = []string{strconv.Itoa(seq + 1)}
	t.Units, t.LeadUnits = nil, nil
	id, err := insertTask(ctx, st, planID, seq, &t, "registered")
	if err != nil {
		return 0, err
	}
	now := db.now()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE tasks SET registered_at = ?, requirement = ? WHERE id = ?`),
		now, strings.TrimSpace(m.Requirement), id); err != nil {
		return 0, err
	}
	units := nonNil(m.Units)
	if err := db.replaceChildren(ctx, tx, id, TaskUpdate{Units: &units}); err != nil {
		return 0, err
	}
	if err := db.refreshDates(ctx, tx, ofTasks([]int64{id})); err != nil {
		return 0, err
	}
	if err := db.indexTaskSearch(ctx, tx, ofTasks([]int64{id})); err != nil {
		return 0, err
	}
	r := m.Matter
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO matters (task_id, kind, source_text, leader, meeting, minutes_no, minutes_on, letter_ref,
		                     report_back, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
		id, r.Kind, r.SourceText, r.Leader, r.Meeting, r.MinutesNo, nullDate(r.MinutesOn), r.LetterRef,
		r.ReportBack, actor.Username, now); err != nil {
		return 0, fmt.Errorf("insert matter: %w", err)
	}
	step, err := db.addEventID(ctx, tx, actor, id, EventRegistered, stepSummary(EventRegistered, ""), 0)
	if err != nil {
		return 0, err
	}
	// The scans are files of the 挂号 step, as a 整改反馈's evidence is of
	// its step (owner type 'answer': a step of the task's history), so the
	// attachments' reading and access rules hold for them unchanged.
	if err := db.addAttachments(ctx, tx, "answer", step, m.Attachments); err != nil {
		return 0, err
	}
	added, err := db.oneTask(ctx, tx, id)
	if err != nil {
		return 0, err
	}
	after := taskAudit(added)
	after["kind"], after["source"], after["leader"], after["meeting"] = r.Kind, m.Source, r.Leader, r.Meeting
	if err := db.appendAudit(ctx, tx, actor, "matter.create", "task", id, nil, after); err != nil {
		return 0, err
	}
	return id, nil
}

// registerPlan is the id of the register plan of source and year,
// created confirmed under title when there is none yet. Its identity
// (the plans' unique source digest) is the digest of its source and
// year, so two first matters at once make one register.
func (db *DB) registerPlan(ctx context.Context, tx *sql.Tx, source string, year int, title string) (int64, error) {
	sum := sha256.Sum256([]byte("register:" + source + ":" + strconv.Itoa(year)))
	digest := hex.EncodeToString(sum[:])
	now := db.now()
	var id int64
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO plans (title, doc_number, issuer, issued_on, year, source_name, source_sha256, format,
		                   imported_at, status, confirmed_at, source_text, warnings, source)
		VALUES (?, '', '', NULL, ?, ?, ?, 'register', ?, 'confirmed', ?, '', '[]', ?)
		ON CONFLICT (source_sha256) DO NOTHING
		RETURNING id`), title, year, title, digest, now, now, source).Scan(&id)
	if err == nil {
		return id, db.appendAudit(ctx, tx, audit.System, "plan.register", "plan", id, nil,
			map[string]any{"title": title, "source": source, "year": year})
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("register plan: %w", err)
	}
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT id FROM plans WHERE source_sha256 = ?`), digest).Scan(&id); err != nil {
		return 0, fmt.Errorf("register plan: %w", err)
	}
	return id, nil
}

// FindMatter is the source record of the 督办件 that task is; a task of
// a plan document is not found.
func (db *DB) FindMatter(ctx context.Context, taskID int64) (*records.Matter, error) {
	var m records.Matter
	var on dateValue
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT m.task_id, m.kind, k.source, k.name, m.source_text, m.leader, m.meeting, m.minutes_no, m.minutes_on,
		       m.letter_ref, m.report_back, m.created_by, m.created_at
		FROM matters m JOIN matter_kinds k ON k.code = m.kind WHERE m.task_id = ?`), taskID).Scan(
		&m.TaskID, &m.Kind, &m.Source, &m.KindName, &m.SourceText, &m.Leader, &m.Meeting, &m.MinutesNo, &on,
		&m.LetterRef, &m.ReportBack, &m.CreatedBy, &m.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: matter %d: %w", taskID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: matter %d: %w", taskID, err)
	}
	m.MinutesOn, m.CreatedAt = string(on), m.CreatedAt.UTC()
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT a.id, a.filename, a.content_type, a.size, a.sha256, a.created_at
		FROM attachments a JOIN task_events e ON a.owner_type = 'answer' AND a.owner_id = e.id
		WHERE e.task_id = ? AND e.kind = ? ORDER BY a.id`), taskID, EventRegistered)
	if err != nil {
		return nil, fmt.Errorf("store: matter %d files: %w", taskID, err)
	}
	defer rows.Close()
	m.Attachments = []Attachment{}
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.ID, &a.Filename, &a.ContentType, &a.Size, &a.SHA256, &a.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: matter %d files: %w", taskID, err)
		}
		a.CreatedAt = a.CreatedAt.UTC()
		m.Attachments = append(m.Attachments, a)
	}
	return &m, rows.Err()
}

// FindMatterKinds lists the kinds of 督办件 in the office's order.
func (db *DB) FindMatterKinds(ctx context.Context) ([]records.MatterKind, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT code, name, source FROM matter_kinds ORDER BY seq, code`)
	if err != nil {
		return nil, fmt.Errorf("store: matter kinds: %w", err)
	}
	defer rows.Close()
	kinds := []records.MatterKind{}
	for rows.Next() {
		var k records.MatterKind
		if err := rows.Scan(&k.Code, &k.Name, &k.Source); err != nil {
			return nil, fmt.Errorf("store: matter kinds: %w", err)
		}
		kinds = append(kinds, k)
	}
	return kinds, rows.Err()
}

// CreateMatterKind adds a kind after the others; a code or a name taken
// is ErrConflict.
func (db *DB) CreateMatterKind(ctx context.Context, actor audit.Actor, k records.MatterKind) error {
	if !records.KnownSource(k.Source) || k.Source == records.SourcePlan {
		return fmt.Errorf("%w: matter kind source %q", ErrInvalid, k.Source)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: create matter kind: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO matter_kinds (code, name, source, seq, created_at)
		VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM matter_kinds), ?)`),
		k.Code, k.Name, k.Source, db.now()); err != nil {
		return fmt.Errorf("store: create matter kind: %w", conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "matter_kind.create", "matter_kind", k.Code, nil, k); err != nil {
		return err
	}
	return db.commit(tx)
}
