package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
)

// FindPasswordHistory returns the hashes of the last n passwords the
// account's holder chose, newest first.
func (db *DB) FindPasswordHistory(ctx context.Context, userID int64, n int) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, db.dialect.rebind(`
		SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?`), userID, n)
	if err != nil {
		return nil, fmt.Errorf("store: password history: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("store: password history: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: password history: %w", err)
	}
	return out, nil
}

// ChangeOwnPassword sets the password an account's holder chose, in one
// transaction: the new hash, which also joins the history (of which the
// newest keep are kept), the one-time mark cleared, every other session
// and token of the account ended (keepToken's, a token hash, stays), and
// the audit entry that a password was changed.
func (db *DB) ChangeOwnPassword(ctx context.Context, actor audit.Actor, id int64, hash, keepToken string, keep int) (*User, error) {
	return db.changeUser(ctx, actor, id, "user.password_change", func(tx *sql.Tx, u *User, now time.Time) error {
		u.PasswordHash, u.PasswordChangedAt, u.MustChangePassword = hash, now, false
		u.FailedLogins, u.LockedUntil = 0, time.Time{}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?`), id, keepToken); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO password_history (user_id, password_hash, created_at) VALUES (?, ?, ?)`),
			id, hash, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, db.dialect.rebind(`
			DELETE FROM password_history WHERE user_id = ? AND id NOT IN (
				SELECT id FROM (SELECT id FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?) AS newest)`), id, id, keep)
		return err
	})
}
