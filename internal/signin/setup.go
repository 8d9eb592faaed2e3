package signin

import (
	"context"
	"errors"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Admin is the first system administrator, as the first-run form gives it.
type Admin struct {
	Username    string
	DisplayName string
	Password    string
}

// CheckSetup is nil when token is a live first-run link, or
// fault.ErrNotFound when it is unknown, spent or expired.
func (s *Service) CheckSetup(ctx context.Context, token string) error {
	ok, err := s.Store.SetupTokenValid(ctx, auth.TokenHash(token))
	if err != nil {
		return fmt.Errorf("signin: setup link: %w", err)
	}
	if !ok {
		return fault.ErrNotFound
	}
	return nil
}

// CompleteSetup creates the first system administrator through the
// first-run link token, from ip, and spends the link. The account meets
// the rules every account meets (CheckAccount); the system administrator
// then creates the security and audit administrators (三员), who take
// over their own duties.
func (s *Service) CompleteSetup(ctx context.Context, ip, token string, in Admin) error {
	problems := map[string]string{}
	CheckAccount(s.Policy, problems, in.Username, in.DisplayName, in.Password)
	if in.Password == "" {
		problems["password"] = "error.required"
	}
	if len(problems) > 0 {
		return &fault.Error{Code: fault.Invalid, Fields: problems}
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return fmt.Errorf("signin: setup: %w", err)
	}
	actor := audit.Actor{Username: in.Username, IP: ip}
	err = s.Store.CompleteSetup(ctx, actor, auth.TokenHash(token), []records.UserCreate{{
		Username: in.Username, DisplayName: in.DisplayName, PasswordHash: hash, Role: authz.SysAdmin}})
	if errors.Is(err, fault.ErrConflict) {
		return &fault.Error{Code: fault.Conflict, Fields: map[string]string{"username": "error.username_taken"}, Err: err}
	}
	if err != nil {
		return fmt.Errorf("signin: setup: %w", err)
	}
	return nil
}
