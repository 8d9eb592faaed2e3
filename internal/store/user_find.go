package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"

	unitnames "github.com/duban/duban/internal/units"
)

const userColumns = `SELECT id, username, display_name, role, password_hash, disabled, failed_logins,
	locked_until, sessions_valid_after, password_changed_at, created_at, must_change_password, totp_enabled FROM users`

// FindUsers returns every account, in the pinyin order of the names.
func (db *DB) FindUsers(ctx context.Context) ([]User, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find users: %w", err)
	}
	defer tx.Rollback()
	return db.findUsers(ctx, tx, "", nil)
}

// FindUserByID returns one account.
func (db *DB) FindUserByID(ctx context.Context, id int64) (*User, error) {
	return db.findUserRead(ctx, "id = ?", id)
}

// FindUserByUsername returns the account with that username.
func (db *DB) FindUserByUsername(ctx context.Context, username string) (*User, error) {
	return db.findUserRead(ctx, "username = ?", username)
}

// CountUsers says how many accounts exist; 0 means first-run setup.
func (db *DB) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count users: %w", err)
	}
	return n, nil
}

func (db *DB) findUserRead(ctx context.Context, cond string, arg any) (*User, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: find user: %w", err)
	}
	defer tx.Rollback()
	return db.findUser(ctx, tx, cond, arg)
}

func (db *DB) findUser(ctx context.Context, tx *sql.Tx, cond string, arg any) (*User, error) {
	us, err := db.findUsers(ctx, tx, " WHERE "+cond, []any{arg})
	if err != nil {
		return nil, err
	}
	if len(us) == 0 {
		return nil, fmt.Errorf("store: user %v: %w", arg, ErrNotFound)
	}
	return &us[0], nil
}

func (db *DB) findUsers(ctx context.Context, tx *sql.Tx, where string, args []any) ([]User, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(userColumns+where+` ORDER BY username`), args...)
	if err != nil {
		return nil, fmt.Errorf("store: find users: %w", err)
	}
	var out []User
	for rows.Next() {
		var u User
		var role string
		var locked sql.NullTime
		if err := rows.Scan(&u.ID, &u.Username, &u.DisplayName, &role, &u.PasswordHash, &u.Disabled, &u.FailedLogins,
			&locked, &u.SessionsValidAfter, &u.PasswordChangedAt, &u.CreatedAt, &u.MustChangePassword, &u.TOTPEnabled); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: scan user: %w", err)
		}
		u.Role = authzRole(role)
		if locked.Valid {
			u.LockedUntil = locked.Time.UTC()
		}
		u.SessionsValidAfter, u.PasswordChangedAt, u.CreatedAt = u.SessionsValidAfter.UTC(), u.PasswordChangedAt.UTC(), u.CreatedAt.UTC()
		out = append(out, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find users: %w", err)
	}
	for i := range out {
		units, err := db.userUnits(ctx, tx, out[i].ID)
		if err != nil {
			return nil, err
		}
		out[i].Units = units
	}
	// People are listed by the pinyin of their names (an account without
	// one by its username), as units are (findUnits).
	unitnames.SortByPinyin(out, func(u User) string { return cmp.Or(u.DisplayName, u.Username) })
	return out, nil
}

func (db *DB) userUnits(ctx context.Context, tx *sql.Tx, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, db.dialect.rebind(`SELECT unit_id FROM user_units WHERE user_id = ? ORDER BY unit_id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: user units: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var u int64
		if err := rows.Scan(&u); err != nil {
			return nil, fmt.Errorf("store: user units: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// isNotFound reports a lookup that found nothing.
func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
