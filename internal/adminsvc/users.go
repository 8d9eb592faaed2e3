package adminsvc

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
)

// NewUser is an account to create. Password "" makes a one-time
// password, which CreateUser returns for showing once.
type NewUser struct {
	Username    string
	DisplayName string
	Role        authz.Role
	Password    string
}

// UserChange changes what is not nil of an account: the system
// administrator's part (names, disabling, the password).
type UserChange struct {
	DisplayName *string
	Disabled    *bool
	Password    *string // checked by the password rules; "" is refused
}

// creatableRoles are what the system administrator may give a new
// account; business roles are the security administrator's to grant
// (三员分立).
var creatableRoles = []authz.Role{"", authz.SecAdmin, authz.AuditAdmin}

// Users lists every account, for the system and security administrators.
func (s *Service) Users(ctx context.Context, p authz.Principal) ([]Account, error) {
	if err := may(p, authz.UserList); err != nil {
		return nil, err
	}
	all, err := s.Store.FindUsers(ctx)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: users: %w", err)
	}
	names, err := s.unitNames(ctx, all...)
	if err != nil {
		return nil, err
	}
	out := make([]Account, len(all))
	for i := range all {
		out[i] = s.account(&all[i], names)
	}
	return out, nil
}

// User is one account, for the system and security administrators.
func (s *Service) User(ctx context.Context, p authz.Principal, id int64) (Account, error) {
	if err := may(p, authz.UserList); err != nil {
		return Account{}, err
	}
	u, err := s.Store.FindUserByID(ctx, id)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// CreateUser makes an account, with no role or as one of the two other
// administrators: the system administrator's part of 三员分立. With no
// password given it makes a one-time one and returns it, for showing
// once; a given password must meet the rules.
func (s *Service) CreateUser(ctx context.Context, p authz.Principal, actor audit.Actor, in NewUser) (Account, string, error) {
	if err := may(p, authz.UserCreate); err != nil {
		return Account{}, "", err
	}
	in.Username, in.DisplayName = strings.TrimSpace(in.Username), strings.TrimSpace(in.DisplayName)
	problems := map[string]string{}
	signin.CheckAccount(s.Policy, problems, in.Username, in.DisplayName, in.Password)
	if !slices.Contains(creatableRoles, in.Role) {
		problems["role"] = "error.role_not_allowed"
	}
	if len(problems) > 0 {
		return Account{}, "", &fault.Error{Code: fault.Invalid, Fields: problems}
	}
	password, oneTime := in.Password, ""
	if password == "" {
		pw, err := s.oneTimePassword(in.Username)
		if err != nil {
			return Account{}, "", err
		}
		password, oneTime = pw, pw
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return Account{}, "", fmt.Errorf("adminsvc: hash password: %w", err)
	}
	u, err := s.Store.CreateUser(ctx, actor, records.UserCreate{Username: in.Username, DisplayName: in.DisplayName,
		PasswordHash: hash, Role: in.Role})
	if errors.Is(err, fault.ErrConflict) {
		return Account{}, "", &fault.Error{Code: fault.Conflict, Fields: map[string]string{"username": "error.username_taken"}, Err: err}
	}
	if err != nil {
		return Account{}, "", fmt.Errorf("adminsvc: create user: %w", err)
	}
	a, err := s.view(ctx, u)
	return a, oneTime, err
}

// UpdateUser renames an account, disables or enables it, or sets its
// password (which ends its sessions), in one change with one audit entry:
// the system administrator's part. Nobody disables their own account: an
// administrator who did would be locked out with nobody to let them in.
func (s *Service) UpdateUser(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, ch UserChange) (Account, error) {
	if err := may(p, authz.UserUpdate); err != nil {
		return Account{}, err
	}
	if ch.Disabled != nil && *ch.Disabled && id == p.UserID {
		return Account{}, fault.New(fault.Forbidden, "error.cannot_disable_self")
	}
	up := records.UserUpdate{Disabled: ch.Disabled}
	if ch.DisplayName != nil {
		name := strings.TrimSpace(*ch.DisplayName)
		if utf8.RuneCountInString(name) > signin.MaxNameLen {
			return Account{}, fault.Field("display_name", "error.too_long")
		}
		up.DisplayName = &name
	}
	if ch.Password != nil {
		target, err := s.Store.FindUserByID(ctx, id)
		if err != nil {
			return Account{}, fmt.Errorf("adminsvc: user %d: %w", id, err)
		}
		if err := signin.CheckPassword(s.Policy, target.Username, *ch.Password); err != nil {
			return Account{}, err
		}
		hash, err := auth.HashPassword(*ch.Password)
		if err != nil {
			return Account{}, fmt.Errorf("adminsvc: hash password: %w", err)
		}
		up.PasswordHash = &hash
	}
	u, err := s.Store.UpdateUser(ctx, actor, id, up)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: update user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// ResetPassword sets an account's password and ends its sessions: the
// one given, checked by the rules, or with "" a one-time password, which
// it returns for showing once.
func (s *Service) ResetPassword(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, password string) (string, error) {
	if err := may(p, authz.UserUpdate); err != nil {
		return "", err
	}
	oneTime := ""
	if password == "" {
		u, err := s.Store.FindUserByID(ctx, id)
		if err != nil {
			return "", fmt.Errorf("adminsvc: user %d: %w", id, err)
		}
		if password, err = s.oneTimePassword(u.Username); err != nil {
			return "", err
		}
		oneTime = password
	}
	if _, err := s.UpdateUser(ctx, p, actor, id, UserChange{Password: &password}); err != nil {
		return "", err
	}
	return oneTime, nil
}

// Grant sets an account's role and, for a liaison, the units it answers
// for; role "" takes the role away. It is the security administrator's
// part, and nobody grants to themselves: that would let one
// administrator take another's powers.
func (s *Service) Grant(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, role authz.Role, units []int64) (Account, error) {
	if err := may(p, authz.UserGrant); err != nil {
		return Account{}, err
	}
	if id == p.UserID {
		return Account{}, fault.New(fault.Forbidden, "error.self_grant")
	}
	if role != "" && !role.Valid() {
		return Account{}, fault.Field("role", "error.role_invalid")
	}
	if role != authz.Liaison {
		units = nil // only a liaison answers for units
	}
	if role == authz.Liaison && len(units) == 0 {
		return Account{}, fault.Field("units", "error.units_required")
	}
	if len(units) > 0 {
		known, err := s.unitNames(ctx)
		if err != nil {
			return Account{}, err
		}
		for _, u := range units {
			if _, ok := known[u]; !ok {
				return Account{}, fault.Field("units", "error.unit_not_found")
			}
		}
	}
	u, err := s.Store.GrantUser(ctx, actor, id, records.UserGrant{Role: role, Units: units})
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: grant user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// Unlock lifts a lockout after failed sign-ins: the security
// administrator's.
func (s *Service) Unlock(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (Account, error) {
	if err := may(p, authz.UserUnlock); err != nil {
		return Account{}, err
	}
	u, err := s.Store.UnlockUser(ctx, actor, id)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: unlock user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// LogoutEverywhere ends every session and API token of an account: anyone
// their own, the system administrator anyone's.
func (s *Service) LogoutEverywhere(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) error {
	if err := may(p, authz.UserUpdate); err != nil && !(id == p.UserID && p.UserID != 0) {
		return err
	}
	if err := s.Store.LogoutEverywhere(ctx, actor, id); err != nil {
		return fmt.Errorf("adminsvc: logout user %d everywhere: %w", id, err)
	}
	return nil
}
