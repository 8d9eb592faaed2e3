package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
)

// CreateSession records a new session, with an audit entry for API tokens
// (web sign-ins are recorded by RecordLogin).
func (db *DB) CreateSession(ctx context.Context, actor audit.Actor, s Session) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	defer tx.Rollback()
	now := db.now().UTC().Truncate(time.Microsecond)
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		INSERT INTO sessions (token_hash, user_id, kind, name, ip, created_at, last_seen_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		s.TokenHash, s.UserID, s.Kind, s.Name, s.IP, now, now, s.ExpiresAt.UTC()); err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	if s.Kind == SessionAPI {
		if err := db.appendAudit(ctx, tx, actor, "auth.token_create", "user", s.UserID, nil,
			map[string]any{"name": s.Name, "expires_at": s.ExpiresAt.UTC()}); err != nil {
			return err
		}
	}
	return db.commit(tx)
}

// FindSession returns a live session and its account. A session past its
// expiry, issued before the account's sessions_valid_after, or of a
// disabled account is not found.
func (db *DB) FindSession(ctx context.Context, tokenHash string) (*Session, *User, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("store: find session: %w", err)
	}
	defer tx.Rollback()
	var s Session
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`
		SELECT token_hash, user_id, kind, name, ip, created_at, last_seen_at, expires_at
		FROM sessions WHERE token_hash = ?`), tokenHash).Scan(
		&s.TokenHash, &s.UserID, &s.Kind, &s.Name, &s.IP, &s.CreatedAt, &s.LastSeenAt, &s.ExpiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("store: session: %w", ErrNotFound)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("store: find session: %w", err)
	}
	u, err := db.findUser(ctx, tx, "id = ?", s.UserID)
	if err != nil {
		return nil, nil, err
	}
	now := db.now()
	if !now.Before(s.ExpiresAt) || s.CreatedAt.Before(u.SessionsValidAfter) || u.Disabled {
		return nil, nil, fmt.Errorf("store: session ended: %w", ErrNotFound)
	}
	return &s, u, nil
}

// TouchSession notes that a session was used and moves its expiry.
func (db *DB) TouchSession(ctx context.Context, tokenHash string, expires time.Time) error {
	_, err := db.write.ExecContext(ctx, db.dialect.rebind(`UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?`),
		db.now().UTC().Truncate(time.Microsecond), expires.UTC(), tokenHash)
	if err != nil {
		return fmt.Errorf("store: touch session: %w", err)
	}
	return nil
}

// DeleteSession ends one session (sign-out).
func (db *DB) DeleteSession(ctx context.Context, actor audit.Actor, tokenHash string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM sessions WHERE token_hash = ?`), tokenHash); err != nil {
		return fmt.Errorf("store: delete session: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "auth.logout", "user", actor.ID, nil, nil); err != nil {
		return err
	}
	return db.commit(tx)
}

// RecordLogin records a sign-in attempt: on success the failure count is
// reset, on failure it grows (from nothing when an earlier lock has run
// out) and the account is locked until lockUntil when that is set. Both outcomes go into the audit log.
func (db *DB) RecordLogin(ctx context.Context, actor audit.Actor, userID int64, ok bool, lockUntil time.Time) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: record login: %w", err)
	}
	defer tx.Rollback()
	action := "auth.login"
	var detail any
	if ok {
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?`), userID)
	} else {
		action = "auth.login_failed"
		// A lock that has run out starts the count afresh: the first
		// failure after it is the first, not another past the threshold.
		_, err = tx.ExecContext(ctx, db.dialect.rebind(`UPDATE users SET failed_logins = CASE
			WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failed_logins + 1 END, locked_until = ? WHERE id = ?`),
			db.now().UTC().Truncate(time.Microsecond), nullTime(lockUntil), userID)
		if !lockUntil.IsZero() {
			detail = map[string]any{"locked_until": lockUntil.UTC()}
		}
	}
	if err != nil {
		return fmt.Errorf("store: record login: %w", err)
	}
	if userID == 0 {
		action = "auth.login_failed" // unknown username: nothing to update
	}
	if err := db.appendAudit(ctx, tx, actor, action, "user", userID, nil, detail); err != nil {
		return err
	}
	return db.commit(tx)
}

// CreateSetupToken stores the hash of a one-time setup link.
func (db *DB) CreateSetupToken(ctx context.Context, tokenHash string, expires time.Time) error {
	if _, err := db.write.ExecContext(ctx, db.dialect.rebind(`INSERT INTO setup_tokens (token_hash, expires_at) VALUES (?, ?)`),
		tokenHash, expires.UTC()); err != nil {
		return fmt.Errorf("store: setup token: %w", err)
	}
	return nil
}

// SetupTokenValid reports whether a setup link may still be used: it
// exists, has not expired, and no account exists yet.
func (db *DB) SetupTokenValid(ctx context.Context, tokenHash string) (bool, error) {
	var expires time.Time
	err := db.read.QueryRowContext(ctx, db.dialect.rebind(`SELECT expires_at FROM setup_tokens WHERE token_hash = ?`), tokenHash).Scan(&expires)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: setup token: %w", err)
	}
	n, err := db.CountUsers(ctx)
	if err != nil {
		return false, err
	}
	return n == 0 && db.now().Before(expires), nil
}

// CompleteSetup creates the first accounts through a valid setup link and
// spends every setup link, in one transaction: a half-finished setup
// leaves no accounts behind and the link still usable.
func (db *DB) CompleteSetup(ctx context.Context, actor audit.Actor, tokenHash string, accounts []UserCreate) error {
	ok, err := db.SetupTokenValid(ctx, tokenHash)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("store: setup link: %w", ErrNotFound)
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: setup: %w", err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil || n > 0 {
		return fmt.Errorf("store: setup already done: %w", ErrConflict)
	}
	for _, a := range accounts {
		if _, err := db.createUser(ctx, tx, actor, a); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM setup_tokens`); err != nil {
		return fmt.Errorf("store: spend setup links: %w", err)
	}
	return db.commit(tx)
}
