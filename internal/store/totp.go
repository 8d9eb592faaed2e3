package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// FindTOTP returns an account's second factor; an account that never
// enrolled has the zero TOTP.
func (db *DB) FindTOTP(ctx context.Context, userID int64) (records.TOTP, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return records.TOTP{}, fmt.Errorf("store: find totp: %w", err)
	}
	defer tx.Rollback()
	var t records.TOTP
	err = tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT totp_secret, totp_enabled, totp_last_step FROM users WHERE id = ?`),
		userID).Scan(&t.Secret, &t.Enabled, &t.LastStep)
	if errors.Is(err, sql.ErrNoRows) {
		return records.TOTP{}, fmt.Errorf("store: user %d: %w", userID, ErrNotFound)
	}
	if err != nil {
		return records.TOTP{}, fmt.Errorf("store: find totp: %w", err)
	}
	// The secret is kept like personal data: sealed under the 国密 suite.
	c := sealer{s: db.suite}
	c.open("totp_secret", &t.Secret)
	if c.err != nil {
		return records.TOTP{}, c.err
	}
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = ? AND used_at IS NULL`),
		userID).Scan(&t.RecoveryCodes); err != nil {
		return records.TOTP{}, fmt.Errorf("store: count recovery codes: %w", err)
	}
	return t, nil
}

// StartTOTP stores a new, unconfirmed secret for an account that has no
// confirmed second factor; it is fault's conflict when one is confirmed.
// The audit entry says an enrolment began, never the secret.
func (db *DB) StartTOTP(ctx context.Context, actor audit.Actor, userID int64, secret string) error {
	c := sealer{s: db.suite}
	if secret = c.seal("totp_secret", secret); c.err != nil {
		return c.err
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: start totp: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE users SET totp_secret = ?, totp_last_step = 0 WHERE id = ? AND NOT totp_enabled`),
		secret, userID)
	if err != nil {
		return fmt.Errorf("store: start totp: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: start totp: already enrolled or no such account: %w", ErrConflict)
	}
	if err := db.appendAudit(ctx, tx, actor, "auth.totp_start", "user", userID, nil, nil); err != nil {
		return err
	}
	return db.commit(tx)
}

// ConfirmTOTP turns on the second factor whose secret is pending, notes
// the step that confirmed it, and stores the hashes of its recovery codes
// (replacing any earlier ones), in one transaction.
func (db *DB) ConfirmTOTP(ctx context.Context, actor audit.Actor, userID, step int64, codeHashes []string) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: confirm totp: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE users SET totp_enabled = TRUE, totp_last_step = ?
		WHERE id = ? AND NOT totp_enabled AND totp_secret <> ''`), step, userID)
	if err != nil {
		return fmt.Errorf("store: confirm totp: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: confirm totp: nothing pending: %w", ErrConflict)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM totp_recovery_codes WHERE user_id = ?`), userID); err != nil {
		return fmt.Errorf("store: confirm totp: %w", err)
	}
	for _, h := range codeHashes {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (?, ?)`),
			userID, h); err != nil {
			return fmt.Errorf("store: recovery code: %w", err)
		}
	}
	if err := db.appendAudit(ctx, tx, actor, "auth.totp_enable", "user", userID, nil,
		map[string]any{"recovery_codes": len(codeHashes)}); err != nil {
		return err
	}
	return db.commit(tx)
}

// UseTOTPStep spends a time step for a sign-in: false when that step or a
// later one has already signed in (the code was replayed).
func (db *DB) UseTOTPStep(ctx context.Context, userID, step int64) (bool, error) {
	res, err := db.write.ExecContext(ctx, db.dialect.rebind(`UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_enabled AND totp_last_step < ?`),
		step, userID, step)
	if err != nil {
		return false, fmt.Errorf("store: use totp step: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// UseRecoveryCode spends one recovery code: false when it is unknown or
// already used. The audit entry says how many are left.
func (db *DB) UseRecoveryCode(ctx context.Context, actor audit.Actor, userID int64, codeHash string) (bool, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return false, fmt.Errorf("store: use recovery code: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE totp_recovery_codes SET used_at = ?
		WHERE user_id = ? AND code_hash = ? AND used_at IS NULL`), db.now().UTC().Truncate(time.Microsecond), userID, codeHash)
	if err != nil {
		return false, fmt.Errorf("store: use recovery code: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return false, nil
	}
	var left int
	if err := tx.QueryRowContext(ctx, db.dialect.rebind(`SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = ? AND used_at IS NULL`),
		userID).Scan(&left); err != nil {
		return false, fmt.Errorf("store: count recovery codes: %w", err)
	}
	if err := db.appendAudit(ctx, tx, actor, "auth.recovery_code_used", "user", userID, nil, map[string]any{"left": left}); err != nil {
		return false, err
	}
	return true, db.commit(tx)
}

// RecordLockedAttempt audits sign-in attempts on a locked account (or,
// with userID 0, on unknown names) without touching the account: the
// caller rate-limits them, and suppressed says how many were left out
// since the last entry, so a flood cannot fill the log yet leaves a count.
func (db *DB) RecordLockedAttempt(ctx context.Context, actor audit.Actor, userID int64, suppressed int) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("store: record attempt: %w", err)
	}
	defer tx.Rollback()
	action := "auth.login_locked"
	if userID == 0 {
		action = "auth.login_failed"
	}
	var detail any
	if suppressed > 0 {
		detail = map[string]any{"suppressed": suppressed}
	}
	if err := db.appendAudit(ctx, tx, actor, action, "user", userID, nil, detail); err != nil {
		return err
	}
	return db.commit(tx)
}

// ResetTOTP takes away an account's second factor — its secret, its
// recovery codes — and ends its sessions, for a holder who lost the
// phone: at the next sign-in a role that requires one enrols again. The
// audit entry shows the factor going (totp: true → absent), never the
// secret.
func (db *DB) ResetTOTP(ctx context.Context, actor audit.Actor, id int64) (*records.User, error) {
	return db.changeUser(ctx, actor, id, "user.totp_reset", func(tx *sql.Tx, u *records.User, now time.Time) error {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`UPDATE users SET totp_secret = '', totp_enabled = FALSE, totp_last_step = 0 WHERE id = ?`), id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM totp_recovery_codes WHERE user_id = ?`), id); err != nil {
			return err
		}
		u.TOTPEnabled, u.SessionsValidAfter = false, now
		_, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM sessions WHERE user_id = ?`), id)
		return err
	})
}
