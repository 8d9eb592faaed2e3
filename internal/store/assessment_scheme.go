package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
)

// SaveSchemeDraft keeps the scheme the office is editing, replacing the
// previous draft. A scheme that does not hold is ErrInvalid with every
// problem listed.
func (db *DB) SaveSchemeDraft(ctx context.Context, actor audit.Actor, s assess.Scheme) (SchemeVersion, error) {
	if err := s.Validate(); err != nil {
		return SchemeVersion{}, fmt.Errorf("%w: %w", err, ErrInvalid)
	}
	text, err := json.Marshal(s)
	if err != nil {
		return SchemeVersion{}, err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return SchemeVersion{}, fmt.Errorf("store: save scheme: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM assessment_schemes WHERE status = 'draft'`); err != nil {
		return SchemeVersion{}, fmt.Errorf("store: save scheme: %w", err)
	}
	v := SchemeVersion{Scheme: s, Status: "draft", SavedBy: actor.Username, SavedAt: db.now()}
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO assessment_schemes (scheme, status, saved_by, saved_at) VALUES (?, 'draft', ?, ?) RETURNING id`),
		string(text), v.SavedBy, v.SavedAt).Scan(&v.ID); err != nil {
		return SchemeVersion{}, fmt.Errorf("store: save scheme: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "assess.scheme_draft", "scheme", v.ID, nil, s); err != nil {
		return SchemeVersion{}, err
	}
	return v, db.commit(tx)
}

// PublishScheme puts the draft in force; without a draft it is
// ErrNotFound. Earlier versions stay, for the scores already published.
func (db *DB) PublishScheme(ctx context.Context, actor audit.Actor) (SchemeVersion, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return SchemeVersion{}, fmt.Errorf("store: publish scheme: %w", err)
	}
	defer tx.Rollback()
	v, err := db.schemeWhere(ctx, tx, `status = 'draft'`)
	if err != nil {
		return SchemeVersion{}, err
	}
	now := db.now()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE assessment_schemes SET status = 'published', published_at = ? WHERE id = ?`),
		now, v.ID); err != nil {
		return SchemeVersion{}, fmt.Errorf("store: publish scheme: %w", err)
	}
	v.Status, v.PublishedAt = "published", &now
	if err := db.appendAudit(ctx, tx, actor, "assess.scheme_publish", "scheme", v.ID, nil, v.Scheme); err != nil {
		return SchemeVersion{}, err
	}
	return v, db.commit(tx)
}

// CurrentScheme is the latest published scheme; ErrNotFound when the
// office has published none (duban's default applies then).
func (db *DB) CurrentScheme(ctx context.Context) (SchemeVersion, error) {
	return db.schemeWhere(ctx, db.read, `status = 'published' ORDER BY id DESC LIMIT 1`)
}

// SchemeDraft is the draft being edited, or ErrNotFound.
func (db *DB) SchemeDraft(ctx context.Context) (SchemeVersion, error) {
	return db.schemeWhere(ctx, db.read, `status = 'draft'`)
}

// rowQueryer is a *sql.DB or a *sql.Tx.
type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (db *DB) schemeWhere(ctx context.Context, q rowQueryer, where string) (SchemeVersion, error) {
	var v SchemeVersion
	var text string
	var published sql.NullTime
	err := q.QueryRowContext(ctx, `SELECT id, scheme, status, saved_by, saved_at, published_at FROM assessment_schemes WHERE `+where).
		Scan(&v.ID, &text, &v.Status, &v.SavedBy, &v.SavedAt, &published)
	if errors.Is(err, sql.ErrNoRows) {
		return v, fmt.Errorf("store: scheme: %w", ErrNotFound)
	}
	if err != nil {
		return v, fmt.Errorf("store: scheme: %w", err)
	}
	if published.Valid {
		t := published.Time.UTC()
		v.PublishedAt = &t
	}
	v.SavedAt = v.SavedAt.UTC()
	if err := json.Unmarshal([]byte(text), &v.Scheme); err != nil {
		return v, fmt.Errorf("store: scheme %d: %w", v.ID, err)
	}
	return v, nil
}
