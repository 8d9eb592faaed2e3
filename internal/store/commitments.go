package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// CreateCommitment registers a public commitment, audited.
func (db *DB) CreateCommitment(ctx context.Context, actor audit.Actor, c records.Commitment) (int64, error) {
	if err := checkDate(c.Deadline); err != nil || c.Deadline == "" {
		return 0, fmt.Errorf("%w: commitment deadline %q", ErrInvalid, c.Deadline)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: create commitment: %w", err)
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO commitments (title, source, source_ref, unit_id, target, deadline, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		c.Title, c.Source, c.SourceRef, c.UnitID, c.Target, c.Deadline, actor.Username, db.now()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: create commitment: %w", conflict(err))
	}
	if err := db.appendAudit(ctx, tx, actor, "commitment.create", "commitment", id, nil,
		map[string]any{"title": c.Title, "source": c.Source, "unit": c.UnitID, "target": c.Target, "deadline": c.Deadline}); err != nil {
		return 0, err
	}
	return id, db.commit(tx)
}

// AddCommitmentProgress adds an entry to a commitment's public history;
// a fulfilled or broken entry closes it (a broken one with its reason
// and rectification), audited. Closing a closed commitment is ErrState
// as the service checks it.
func (db *DB) AddCommitmentProgress(ctx context.Context, actor audit.Actor, id int64, p records.CommitmentProgress) (int64, error) {
	if err := checkDate(p.On); err != nil || p.On == "" {
		return 0, fmt.Errorf("%w: progress date %q", ErrInvalid, p.On)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: commitment %d progress: %w", id, err)
	}
	defer tx.Rollback()
	var closed string
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT closed FROM commitments WHERE id = ?`), id).Scan(&closed); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("store: commitment %d: %w", id, ErrNotFound)
		}
		return 0, fmt.Errorf("store: commitment %d: %w", id, err)
	}
	var pid int64
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO commitment_progress (commitment_id, kind, body, reason, rectification, on_date, actor, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		id, p.Kind, p.Body, p.Reason, p.Rectification, p.On, actor.Username, db.now()).Scan(&pid); err != nil {
		return 0, fmt.Errorf("store: commitment %d progress: %w", id, err)
	}
	if p.Kind != "progress" {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
			UPDATE commitments SET closed = ?, reason = ?, rectification = ?, closed_on = ? WHERE id = ?`),
			p.Kind, p.Reason, p.Rectification, p.On, id); err != nil {
			return 0, fmt.Errorf("store: commitment %d: %w", id, err)
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "commitment.progress", "commitment", id, map[string]any{"closed": closed},
		map[string]any{"kind": p.Kind, "on": p.On, "body": p.Body, "reason": p.Reason, "rectification": p.Rectification}); err != nil {
		return 0, err
	}
	return pid, db.commit(tx)
}

const commitmentColumns = `c.id, c.title, c.source, c.source_ref, c.unit_id, COALESCE(u.name, ''), c.target, c.deadline,
	c.closed, c.reason, c.rectification, c.closed_on, c.created_by, c.created_at`

// FindCommitments lists the commitments by deadline, each with its
// history.
func (db *DB) FindCommitments(ctx context.Context) ([]records.Commitment, error) {
	return db.findCommitments(ctx, ``)
}

// FindCommitment returns a commitment with its history, or ErrNotFound.
func (db *DB) FindCommitment(ctx context.Context, id int64) (*records.Commitment, error) {
	list, err := db.findCommitments(ctx, ` WHERE c.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("store: commitment %d: %w", id, ErrNotFound)
	}
	return &list[0], nil
}

func (db *DB) findCommitments(ctx context.Context, where string, args ...any) ([]records.Commitment, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`SELECT `+commitmentColumns+`
		FROM commitments c LEFT JOIN units u ON u.id = c.unit_id`+where+` ORDER BY c.deadline, c.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: commitments: %w", err)
	}
	out := []records.Commitment{}
	index := map[int64]int{}
	for rows.Next() {
		var c records.Commitment
		var deadline, closedOn dateValue
		if err := rows.Scan(&c.ID, &c.Title, &c.Source, &c.SourceRef, &c.UnitID, &c.Unit, &c.Target, &deadline,
			&c.Closed, &c.Reason, &c.Rectification, &closedOn, &c.CreatedBy, &c.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: commitments: %w", err)
		}
		c.Deadline, c.ClosedOn, c.CreatedAt, c.Progress = string(deadline), string(closedOn), c.CreatedAt.UTC(), []records.CommitmentProgress{}
		index[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	prows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT p.commitment_id, p.id, p.kind, p.body, p.reason, p.rectification, p.on_date, p.actor, p.at
		FROM commitment_progress p JOIN commitments c ON c.id = p.commitment_id`+where+` ORDER BY p.on_date, p.id`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: commitment progress: %w", err)
	}
	defer prows.Close()
	for prows.Next() {
		var cid int64
		var p records.CommitmentProgress
		var on dateValue
		if err := prows.Scan(&cid, &p.ID, &p.Kind, &p.Body, &p.Reason, &p.Rectification, &on, &p.Actor, &p.At); err != nil {
			return nil, fmt.Errorf("store: commitment progress: %w", err)
		}
		p.On, p.At = string(on), p.At.UTC()
		if i, ok := index[cid]; ok {
			out[i].Progress = append(out[i].Progress, p)
		}
	}
	return out, prows.Err()
}
