package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
)

const foiaColumns = `id, applicant_kind, applicant_name, applicant_id_no, applicant_phone, applicant_email, applicant_addr, channel,
	received_on, content, form, state, due_on, reply, withheld, reply_text, fee, concluded_on, created_at, updated_at,
	CASE WHEN follow_hash = '' THEN 0 ELSE 1 END`

// scanFOIARequest reads a request row and opens its personal columns.
func (db *DB) scanFOIARequest(row interface{ Scan(...any) error }) (FOIARequest, error) {
	r, err := scanFOIARow(row)
	if err != nil {
		return r, err
	}
	c := sealer{s: db.suite}
	c.open("applicant_name", &r.ApplicantName)
	c.open("applicant_id_no", &r.ApplicantIDNo)
	c.open("applicant_phone", &r.ApplicantPhone)
	c.open("applicant_email", &r.ApplicantEmail)
	c.open("applicant_addr", &r.ApplicantAddr)
	return r, c.err
}

func scanFOIARow(row interface{ Scan(...any) error }) (FOIARequest, error) {
	var r FOIARequest
	var received, due, concluded dateValue
	var self int
	err := row.Scan(&r.ID, &r.ApplicantKind, &r.ApplicantName, &r.ApplicantIDNo, &r.ApplicantPhone, &r.ApplicantEmail, &r.ApplicantAddr,
		&r.Channel, &received, &r.Content, &r.Form, &r.State, &due, &r.Reply, &r.Withheld, &r.ReplyText, &r.Fee, &concluded,
		&r.CreatedAt, &r.UpdatedAt, &self)
	r.SelfFiled = self == 1
	r.ReceivedOn, _ = civilDay(received)
	if d, ok := civilDay(due); ok {
		r.DueOn = &d
	}
	if d, ok := civilDay(concluded); ok {
		r.ConcludedOn = &d
	}
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	return r, err
}

// civilDay is a DATE as read back — written YYYY-MM-DD like every date of
// the store, so that SQLite compares and orders it as text correctly — as
// the day at UTC midnight; false for NULL.
func civilDay(d dateValue) (time.Time, bool) {
	if len(d) < len(dateLayout) {
		return time.Time{}, false
	}
	t, err := time.Parse(dateLayout, string(d)[:len(dateLayout)])
	return t, err == nil
}

// dayPtr is an optional date as the store writes it.
func dayPtr(t *time.Time) any {
	if t == nil {
		return nil
	}
	return nullDay(*t)
}

// CreateFOIARequest stores a new request as the service prepared it
// (state and deadline worked out), with the audit entry.
func (db *DB) CreateFOIARequest(ctx context.Context, actor audit.Actor, r FOIARequest) (int64, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create information request: %w", err)
	}
	defer tx.Rollback()
	now := db.now()
	c := sealer{s: db.suite}
	name, idNo, phone := c.seal("applicant_name", r.ApplicantName), c.seal("applicant_id_no", r.ApplicantIDNo), c.seal("applicant_phone", r.ApplicantPhone)
	email, addr := c.seal("applicant_email", r.ApplicantEmail), c.seal("applicant_addr", r.ApplicantAddr)
	if c.err != nil {
		return 0, c.err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO foia_requests (applicant_kind, applicant_name, applicant_id_no, applicant_phone, applicant_email, applicant_addr,
			channel, received_on, content, form, state, due_on, follow_hash, created_at, updated_at, applicant_id_idx, applicant_phone_idx)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		r.ApplicantKind, name, idNo, phone, email, addr,
		r.Channel, nullDay(r.ReceivedOn), r.Content, r.Form, r.State, dayPtr(r.DueOn), r.FollowHash, now, now,
		db.index("applicant_id_no", r.ApplicantIDNo), db.index("applicant_phone", r.ApplicantPhone)).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create information request: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "foia.create", "foia_request", id, nil,
		map[string]any{"channel": r.Channel, "received_on": r.ReceivedOn.Format(time.DateOnly), "state": r.State}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// FindFOIARequest returns one request with its steps, or ErrNotFound.
func (db *DB) FindFOIARequest(ctx context.Context, id int64) (*FOIARequest, []FOIAStep, error) {
	return db.findFOIARequest(ctx, db.read, `WHERE id = ?`, id)
}

// FindFOIARequestByFollow returns the request whose follow link hashes to
// hash, or ErrNotFound: a wrong link and a wrong number look alike.
func (db *DB) FindFOIARequestByFollow(ctx context.Context, id int64, hash string) (*FOIARequest, []FOIAStep, error) {
	if hash == "" {
		return nil, nil, fmt.Errorf("store: information request %d: %w", id, ErrNotFound)
	}
	return db.findFOIARequest(ctx, db.read, `WHERE id = ? AND follow_hash = ?`, id, hash)
}

type rowsQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func (db *DB) findFOIARequest(ctx context.Context, q rowsQueryer, where string, id int64, args ...any) (*FOIARequest, []FOIAStep, error) {
	r, err := db.scanFOIARequest(q.QueryRowContext(ctx, db.dialect.rebind(`SELECT `+foiaColumns+` FROM foia_requests `+where), append([]any{id}, args...)...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("store: information request %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store: information request %d: %w", id, err)
	}
	steps, err := db.foiaSteps(ctx, q, []int64{id})
	if err != nil {
		return nil, nil, err
	}
	return &r, nonNil(steps[id]), nil
}

// FOIASteps are the steps of several requests at once, by request, in
// the order they were recorded: a desk of open requests in one query.
func (db *DB) FOIASteps(ctx context.Context, ids []int64) (map[int64][]FOIAStep, error) {
	out := map[int64][]FOIAStep{}
	for len(ids) > 0 {
		n := min(len(ids), 500)
		got, err := db.foiaSteps(ctx, db.read, ids[:n])
		if err != nil {
			return nil, err
		}
		for id, steps := range got {
			out[id] = steps
		}
		ids = ids[n:]
	}
	return out, nil
}

func (db *DB) foiaSteps(ctx context.Context, q rowsQueryer, ids []int64) (map[int64][]FOIAStep, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := q.QueryContext(ctx, db.dialect.rebind(`SELECT request_id, kind, on_day, days, note, actor, at FROM foia_steps
		WHERE request_id IN (?`+strings.Repeat(`, ?`, len(ids)-1)+`) ORDER BY request_id, id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: information request steps: %w", err)
	}
	defer rows.Close()
	out := map[int64][]FOIAStep{}
	for rows.Next() {
		var id int64
		var s FOIAStep
		var on dateValue
		if err := rows.Scan(&id, &s.Kind, &on, &s.Days, &s.Note, &s.Actor, &s.At); err != nil {
			return nil, fmt.Errorf("store: information request steps: %w", err)
		}
		s.On, _ = civilDay(on)
		s.At = s.At.UTC()
		out[id] = append(out[id], s)
	}
	return out, rows.Err()
}

// FindFOIARequests lists the requests f selects, the nearest deadline
// first, then the newest.
func (db *DB) FindFOIARequests(ctx context.Context, f FOIAFilter) ([]FOIARequest, error) {
	q, args := `SELECT `+foiaColumns+` FROM foia_requests WHERE 1 = 1`, []any{}
	if f.State != "" {
		q, args = q+` AND state = ?`, append(args, f.State)
	}
	if f.Open {
		q += ` AND concluded_on IS NULL`
	}
	if f.Concluded {
		q += ` AND concluded_on IS NOT NULL`
	}
	if !f.ReceivedBefore.IsZero() {
		q, args = q+` AND received_on < ?`, append(args, nullDay(f.ReceivedBefore))
	}
	if !f.ConcludedFrom.IsZero() {
		q, args = q+` AND (concluded_on IS NULL OR concluded_on >= ?)`, append(args, nullDay(f.ConcludedFrom))
	}
	if f.Concluded {
		q += ` ORDER BY concluded_on DESC, id DESC`
	} else {
		// NULLs sort first on SQLite and last on PostgreSQL: say where.
		q += ` ORDER BY CASE WHEN concluded_on IS NULL THEN 0 ELSE 1 END, CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id DESC`
	}
	if f.Limit >= 0 {
		limit := f.Limit
		if limit == 0 {
			limit = 100
		}
		q, args = q+` LIMIT ?`, append(args, min(limit, 1000))
	}
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(q), args...)
	if err != nil {
		return nil, fmt.Errorf("store: information requests: %w", err)
	}
	defer rows.Close()
	out := []FOIARequest{}
	for rows.Next() {
		r, err := db.scanFOIARequest(rows)
		if err != nil {
			return nil, fmt.Errorf("store: information requests: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// StepFOIARequest adds a step to a request in one transaction: apply
// gets the stored request and its steps with the new one appended, and
// updates the request (state, deadline, reply) or refuses; then the step,
// the request and the audit entry are written together.
func (db *DB) StepFOIARequest(ctx context.Context, actor audit.Actor, id int64, step FOIAStep, apply func(*FOIARequest, []FOIAStep) error) (*FOIARequest, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: information request %d: %w", id, err)
	}
	defer tx.Rollback()
	r, steps, err := db.findFOIARequest(ctx, tx, `WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	before := *r
	step.Actor, step.At = actor.Username, db.now()
	if err := apply(r, append(steps, step)); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO foia_steps (request_id, kind, on_day, days, note, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
		id, step.Kind, nullDay(step.On), step.Days, step.Note, step.Actor, step.At); err != nil {
		return nil, fmt.Errorf("store: information request %d step: %w", id, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE foia_requests SET state = ?, due_on = ?, reply = ?, withheld = ?, reply_text = ?, fee = ?, concluded_on = ?, updated_at = ?
		WHERE id = ?`),
		r.State, dayPtr(r.DueOn), r.Reply, r.Withheld, r.ReplyText, r.Fee, dayPtr(r.ConcludedOn), db.now(), id); err != nil {
		return nil, fmt.Errorf("store: information request %d: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "foia."+step.Kind, "foia_request", id,
		map[string]any{"state": before.State, "reply": before.Reply},
		map[string]any{"state": r.State, "reply": r.Reply, "on": step.On.Format(time.DateOnly), "days": step.Days, "note": step.Note}); err != nil {
		return nil, err
	}
	return r, db.commit(tx)
}

// SetFOIAReceived changes a request's day of receipt, audited, through
// check: given the stored request and its steps, it may refuse (a request
// already handled) or settle the state and deadline for the new day.
func (db *DB) SetFOIAReceived(ctx context.Context, actor audit.Actor, id int64, on time.Time, check func(*FOIARequest, []FOIAStep) error) (*FOIARequest, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: information request %d: %w", id, err)
	}
	defer tx.Rollback()
	r, steps, err := db.findFOIARequest(ctx, tx, `WHERE id = ?`, id)
	if err != nil {
		return nil, err
	}
	before := r.ReceivedOn
	r.ReceivedOn = on
	if err := check(r, steps); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE foia_requests SET received_on = ?, state = ?, due_on = ?, updated_at = ? WHERE id = ?`),
		nullDay(on), r.State, dayPtr(r.DueOn), db.now(), id); err != nil {
		return nil, fmt.Errorf("store: information request %d: %w", id, err)
	}
	if err := db.appendAudit(ctx, tx, actor, "foia.received", "foia_request", id,
		map[string]any{"received_on": before.Format(time.DateOnly)}, map[string]any{"received_on": on.Format(time.DateOnly)}); err != nil {
		return nil, err
	}
	return r, db.commit(tx)
}
