package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
)

// userAudit is what the audit log keeps of an account: never the hash.
type userAudit struct {
	Username    string     `json:"username"`
	DisplayName string     `json:"display_name"`
	Role        authz.Role `json:"role"`
	Disabled    bool       `json:"disabled"`
	Units       []int64    `json:"units"`
	Locked      bool       `json:"locked,omitempty"`
	// PasswordChangedAt shows that the password changed, and when;
	// Password says how ("reset" by an administrator, "changed" by its
	// holder), on the entry of the change only.
	PasswordChangedAt  time.Time `json:"password_changed_at"`
	Password           string    `json:"password,omitempty"`
	MustChangePassword bool      `json:"must_change_password,omitempty"`
	// TOTP: the account signs in with a second factor.
	TOTP bool `json:"totp,omitempty"`
}

func userAuditOf(u *User, now time.Time) userAudit {
	return userAudit{Username: u.Username, DisplayName: u.DisplayName, Role: u.Role, Disabled: u.Disabled, Units: nonNil(u.Units),
		Locked: u.Locked(now), PasswordChangedAt: u.PasswordChangedAt, MustChangePassword: u.MustChangePassword, TOTP: u.TOTPEnabled}
}

// CreateUser adds an account.
func (db *DB) CreateUser(ctx context.Context, actor audit.Actor, in UserCreate) (*User, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: create user: %w", err)
	}
	defer tx.Rollback()
	u, err := db.createUser(ctx, tx, actor, in)
	if err != nil {
		return nil, err
	}
	return u, db.commit(tx)
}

func (db *DB) createUser(ctx context.Context, tx *sql.Tx, actor audit.Actor, in UserCreate) (*User, error) {
	in.Username = strings.TrimSpace(in.Username)
	if in.Username == "" || in.PasswordHash == "" || (in.Role != "" && !in.Role.Valid()) {
		return nil, fmt.Errorf("store: create user %q: %w", in.Username, ErrInvalid)
	}
	now := db.now().UTC().Truncate(time.Microsecond)
	var id int64
	err := tx.QueryRowContext(ctx, db.dialect.rebind(`
		INSERT INTO users (username, display_name, role, password_hash, disabled, failed_logins,
		                   sessions_valid_after, password_changed_at, created_at, must_change_password)
		VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?) RETURNING id`),
		in.Username, strings.TrimSpace(in.DisplayName), string(in.Role), in.PasswordHash, false, now, now, now, in.MustChangePassword).Scan(&id)
	if err != nil {
		return nil, fmt.Errorf("store: create user %q: %w", in.Username, conflict(err))
	}
	if err := db.setUserUnits(ctx, tx, id, in.Units); err != nil {
		return nil, err
	}
	u, err := db.findUser(ctx, tx, "id = ?", id)
	if err != nil {
		return nil, err
	}
	if err := db.appendAudit(ctx, tx, actor, "user.create", "user", id, nil, userAuditOf(u, now)); err != nil {
		return nil, err
	}
	return u, nil
}

// UpdateUser changes an account's name, its disabled flag or its password.
// Disabling ends every session and token of the account, so that enabling
// it again revives none of them; a new password ends them too.
func (db *DB) UpdateUser(ctx context.Context, actor audit.Actor, id int64, up UserUpdate) (*User, error) {
	return db.changeUser(ctx, actor, id, "user.update", func(tx *sql.Tx, u *User, now time.Time) error {
		if up.DisplayName != nil {
			u.DisplayName = strings.TrimSpace(*up.DisplayName)
		}
		end := false
		if up.Disabled != nil {
			end = *up.Disabled && !u.Disabled
			u.Disabled = *up.Disabled
		}
		if up.PasswordHash != nil {
			u.PasswordHash, u.PasswordChangedAt, u.MustChangePassword = *up.PasswordHash, now, up.MustChangePassword
			u.FailedLogins, u.LockedUntil = 0, time.Time{}
			end = true
		}
		if !end {
			return nil
		}
		u.SessionsValidAfter = now
		_, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM sessions WHERE user_id = ?`), id)
		return err
	})
}

// GrantUser sets an account's role and the units it answers for.
func (db *DB) GrantUser(ctx context.Context, actor audit.Actor, id int64, g UserGrant) (*User, error) {
	if g.Role != "" && !g.Role.Valid() {
		return nil, fmt.Errorf("store: grant role %q: %w", g.Role, ErrInvalid)
	}
	return db.changeUser(ctx, actor, id, "user.grant", func(tx *sql.Tx, u *User, now time.Time) error {
		u.Role, u.Units = g.Role, slices.Clone(g.Units)
		if g.Role != authz.Liaison {
			u.Units = nil // only liaisons are bound to units
		}
		return db.setUserUnits(ctx, tx, id, u.Units)
	})
}

// UnlockUser lifts a lockout.
func (db *DB) UnlockUser(ctx context.Context, actor audit.Actor, id int64) (*User, error) {
	return db.changeUser(ctx, actor, id, "user.unlock", func(_ *sql.Tx, u *User, _ time.Time) error {
		u.FailedLogins, u.LockedUntil = 0, time.Time{}
		return nil
	})
}

// LogoutEverywhere ends every session and API token of an account.
func (db *DB) LogoutEverywhere(ctx context.Context, actor audit.Actor, id int64) error {
	_, err := db.changeUser(ctx, actor, id, "user.logout_all", func(tx *sql.Tx, u *User, now time.Time) error {
		u.SessionsValidAfter = now
		_, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM sessions WHERE user_id = ?`), id)
		return err
	})
	return err
}

// changeUser loads an account, lets change edit it, writes it back and
// records before and after, all in one transaction.
func (db *DB) changeUser(ctx context.Context, actor audit.Actor, id int64, action string, change func(*sql.Tx, *User, time.Time) error) (*User, error) {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", action, err)
	}
	defer tx.Rollback()
	now := db.now().UTC().Truncate(time.Microsecond)
	u, err := db.findUser(ctx, tx, "id = ?", id)
	if err != nil {
		return nil, err
	}
	before, oldHash := userAuditOf(u, now), u.PasswordHash
	if err := change(tx, u, now); err != nil {
		return nil, fmt.Errorf("store: %s: %w", action, err)
	}
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`
		UPDATE users SET display_name = ?, role = ?, password_hash = ?, disabled = ?, failed_logins = ?,
		       locked_until = ?, sessions_valid_after = ?, password_changed_at = ?, must_change_password = ? WHERE id = ?`),
		u.DisplayName, string(u.Role), u.PasswordHash, u.Disabled, u.FailedLogins, nullTime(u.LockedUntil),
		u.SessionsValidAfter, u.PasswordChangedAt, u.MustChangePassword, id); err != nil {
		return nil, fmt.Errorf("store: %s: %w", action, err)
	}
	after := userAuditOf(u, now)
	if u.PasswordHash != oldHash {
		// The change is recorded, never the secret.
		after.Password = "reset"
		if actor.ID == id {
			after.Password = "changed"
		}
	}
	if err := db.appendAudit(ctx, tx, actor, action, "user", id, before, after); err != nil {
		return nil, err
	}
	return u, db.commit(tx)
}

func (db *DB) setUserUnits(ctx context.Context, tx *sql.Tx, id int64, unitIDs []int64) error {
	if _, err := tx.ExecContext(ctx, db.dialect.rebind(`DELETE FROM user_units WHERE user_id = ?`), id); err != nil {
		return fmt.Errorf("store: user units: %w", err)
	}
	for _, u := range unitIDs {
		if _, err := tx.ExecContext(ctx, db.dialect.rebind(`INSERT INTO user_units (user_id, unit_id) VALUES (?, ?)`), id, u); err != nil {
			return fmt.Errorf("store: user unit %d: %w", u, err)
		}
	}
	return nil
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func authzRole(s string) authz.Role { return authz.Role(s) }
