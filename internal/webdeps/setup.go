package webdeps

import (
	"context"
	"fmt"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

type setup struct{ d *Deps }

// Check says whether the first-run link is live.
func (s *setup) Check(ctx context.Context, token string) error {
	ok, err := s.d.Store.SetupTokenValid(ctx, auth.TokenHash(token))
	if err != nil {
		return err
	}
	if !ok {
		return web.ErrNotFound
	}
	return nil
}

// CreateAdmin creates the first system administrator. The system
// administrator then creates the security and audit administrators'
// accounts (三员), who take over their own duties.
func (s *setup) CreateAdmin(ctx context.Context, token string, in web.SetupInput) error {
	if key := s.d.Signin.Policy.CheckRules(in.Username, in.Password); key != "" {
		return &web.ValidationError{Fields: map[string]string{"password": key}}
	}
	if in.Username == "" {
		return &web.ValidationError{Fields: map[string]string{"username": "error.required"}}
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return err
	}
	actor := audit.Actor{Username: in.Username, IP: httpauth.IPFrom(ctx)}
	err = s.d.Store.CompleteSetup(ctx, actor, auth.TokenHash(token), []records.UserCreate{{
		Username: in.Username, DisplayName: in.DisplayName, PasswordHash: hash, Role: authz.SysAdmin}})
	if err != nil {
		return fmt.Errorf("setup: %w", pageError(err, "username", "error.username_taken"))
	}
	return nil
}
