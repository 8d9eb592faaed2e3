package signin

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/fault"
)

// PasswordHistory is how many of the passwords a person chose are kept
// (as hashes) and may not be chosen again.
const PasswordHistory = 5

// PasswordChange is a person's change of their own password.
type PasswordChange struct {
	Old string // the password now, asked again: a session left open is not enough
	New string
}

// ChangePassword sets the password of the signed-in account actor.ID,
// asked through token (the session or API token of the request, which
// stays open): the old password must be right, the new one meet the rules
// and be none of the last PasswordHistory chosen (nor the present one).
// Every other session and token of the account ends, a one-time
// password's mark is cleared, and the change is audited (never the
// secret). Refusals are fault.Error at field "old" or "new"; a wrong old
// password counts as a failed sign-in.
func (s *Service) ChangePassword(ctx context.Context, actor audit.Actor, token string, in PasswordChange) error {
	if actor.ID == 0 {
		return fault.ErrUnauthenticated
	}
	u, err := s.Store.FindUserByID(ctx, actor.ID)
	if err != nil {
		return fmt.Errorf("signin: change password: %w", err)
	}
	if in.Old == "" {
		return fault.Field("old", "error.required")
	}
	ok, err := auth.CheckPassword(u.PasswordHash, in.Old)
	if err != nil {
		return fmt.Errorf("signin: change password: %w", err)
	}
	if !ok {
		// A wrong old password is a failed sign-in: it counts towards the
		// lockout, so that an open session cannot be used to guess it.
		lock := s.Policy.LockedUntil(u.FailedLogins+1, s.Now())
		if err := s.Store.RecordLogin(ctx, actor, u.ID, false, lock); err != nil {
			return fmt.Errorf("signin: change password: %w", err)
		}
		return fault.Field("old", "error.password_old_wrong")
	}
	if in.New == "" {
		return fault.Field("new", "error.required")
	}
	if key := s.Policy.CheckRules(u.Username, in.New); key != "" {
		return fault.Field("new", key)
	}
	if in.New == in.Old {
		return fault.Field("new", "error.password_reused")
	}
	used, err := s.Store.FindPasswordHistory(ctx, u.ID, PasswordHistory)
	if err != nil {
		return fmt.Errorf("signin: change password: %w", err)
	}
	for _, h := range used {
		if same, err := auth.CheckPassword(h, in.New); err != nil {
			return fmt.Errorf("signin: change password: %w", err)
		} else if same {
			return fault.Field("new", "error.password_reused")
		}
	}
	hash, err := auth.HashPassword(in.New)
	if err != nil {
		return fmt.Errorf("signin: change password: %w", err)
	}
	if _, err := s.Store.ChangeOwnPassword(ctx, actor, u.ID, hash, auth.TokenHash(token), PasswordHistory); err != nil {
		return fmt.Errorf("signin: change password: %w", err)
	}
	return nil
}
