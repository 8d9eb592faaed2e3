package adminsvc

import (
	"context"
	"errors"
	"fmt"
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

// CreateUser makes an account (三员分立): an ordinary one, with no role
// until the security administrator grants one, is the system
// administrator's to make; a system, security or audit administrator's
// is the security administrator's (authz.CanCreateAccount); a business
// role is never given at creation. With no password given it makes a
// one-time one, returns it for showing once, and marks the account to
// change it at first use; a given password must meet the rules.
func (s *Service) CreateUser(ctx context.Context, p authz.Principal, actor audit.Actor, in NewUser) (Account, string, error) {
	if err := mayCreate(p, in.Role); err != nil {
		return Account{}, "", err
	}
	in.Username, in.DisplayName = strings.TrimSpace(in.Username), strings.TrimSpace(in.DisplayName)
	problems := map[string]string{}
	signin.CheckAccount(s.Policy, problems, in.Username, in.DisplayName, in.Password)
	if in.Role != "" && !in.Role.IsAdmin() {
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
		PasswordHash: hash, Role: in.Role, MustChangePassword: oneTime != ""})
	if errors.Is(err, fault.ErrConflict) {
		return Account{}, "", &fault.Error{Code: fault.Conflict, Fields: map[string]string{"username": "error.username_taken"}, Err: err}
	}
	if err != nil {
		return Account{}, "", fmt.Errorf("adminsvc: create user: %w", err)
	}
	a, err := s.view(ctx, u)
	return a, oneTime, err
}

// mayCreate is nil when p may create an account holding role: a role
// nobody may give at creation is refused as invalid to those who create
// accounts at all, and as forbidden to everyone else.
func mayCreate(p authz.Principal, role authz.Role) error {
	if p.UserID == 0 && p.Role == "" {
		return fault.ErrUnauthenticated
	}
	if authz.CanCreateAccount(p, role) {
		return nil
	}
	if role != "" && !role.IsAdmin() && (authz.Allowed(p, authz.UserCreate) || authz.Allowed(p, authz.AdminCreate)) {
		return nil // CreateUser refuses the role as invalid
	}
	if role.IsAdmin() {
		return fault.New(fault.Forbidden, "error.admin_account_secadmin")
	}
	return fault.ErrForbidden
}

// target is account id, when p may take action a on it (三员分立,
// authz.CanManageAccount): the refusal is fault.ErrForbidden for a caller
// who may take a on no account, fault.ErrNotFound for no such account,
// and a keyed refusal for their own or another administrator's account.
func (s *Service) target(ctx context.Context, p authz.Principal, a authz.Action, id int64) (*records.User, error) {
	if err := may(p, a); err != nil && !authz.Allowed(p, authz.AdminCredentials) {
		return nil, err
	}
	u, err := s.Store.FindUserByID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: user %d: %w", id, err)
	}
	switch {
	case authz.CanManageAccount(p, a, id, u.Role):
		return u, nil
	case id == p.UserID:
		return nil, fault.New(fault.Forbidden, "error.own_account")
	case u.Role.IsAdmin():
		return nil, fault.New(fault.Forbidden, "error.admin_account_secadmin")
	}
	return nil, fault.ErrForbidden
}

// UpdateUser renames an account, disables or enables it, or sets its
// password (which ends its sessions), in one change with one audit entry.
// An ordinary account is the system administrator's, another
// administrator's the security administrator's, and nobody's own account
// is changed this way: disabling it would lock them out, and changing
// one's own password has its own use case (signin.ChangePassword), which
// asks for the old one. Disabling ends every session and token, so that
// enabling again revives none.
func (s *Service) UpdateUser(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, ch UserChange) (Account, error) {
	return s.updateUser(ctx, p, actor, id, ch, false)
}

func (s *Service) updateUser(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, ch UserChange, oneTime bool) (Account, error) {
	target, err := s.target(ctx, p, authz.UserUpdate, id)
	if err != nil {
		return Account{}, err
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
		if err := signin.CheckPassword(s.Policy, target.Username, *ch.Password); err != nil {
			return Account{}, err
		}
		hash, err := auth.HashPassword(*ch.Password)
		if err != nil {
			return Account{}, fmt.Errorf("adminsvc: hash password: %w", err)
		}
		up.PasswordHash, up.MustChangePassword = &hash, oneTime
	}
	u, err := s.Store.UpdateUser(ctx, actor, id, up)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: update user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// ResetPassword sets an account's password and ends its sessions: the
// one given, checked by the rules, or with "" a one-time password, which
// it returns for showing once and which must be changed at first use.
// Whose account may be reset is UpdateUser's rule.
func (s *Service) ResetPassword(ctx context.Context, p authz.Principal, actor audit.Actor, id int64, password string) (string, error) {
	target, err := s.target(ctx, p, authz.UserUpdate, id)
	if err != nil {
		return "", err
	}
	oneTime := ""
	if password == "" {
		if password, err = s.oneTimePassword(target.Username); err != nil {
			return "", err
		}
		oneTime = password
	}
	if _, err := s.updateUser(ctx, p, actor, id, UserChange{Password: &password}, oneTime != ""); err != nil {
		return "", err
	}
	return oneTime, nil
}

// Grant sets an account's role and, for a liaison, the units it answers
// for, for an office or a leader the units whose subtrees it oversees
// (none: the whole city); role "" takes the role away. It is the security administrator's
// part, and only between the business roles and none
// (authz.CanGrant): nobody grants to themselves, an administrator's
// account keeps the role it was created with, and no grant makes an
// administrator, so no account comes to hold two administrators' roles.
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
	cur, err := s.Store.FindUserByID(ctx, id)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: user %d: %w", id, err)
	}
	if !authz.CanGrant(p, id, cur.Role, role) {
		return Account{}, fault.New(fault.Forbidden, "error.admin_role_fixed")
	}
	if role != authz.Liaison && role != authz.Office && role != authz.Leader {
		units = nil // a liaison answers for units; an office or a leader oversees their subtrees (分级督查)
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
// administrator's, on any account but their own.
func (s *Service) Unlock(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (Account, error) {
	if _, err := s.target(ctx, p, authz.UserUnlock, id); err != nil {
		return Account{}, err
	}
	u, err := s.Store.UnlockUser(ctx, actor, id)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: unlock user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// ResetTOTP takes away an account's second factor, for a holder who lost
// the phone and the recovery codes; the account enrols again at its next
// sign-in. It follows the password reset's separation: the system
// administrator an ordinary account's, the security administrator another
// administrator's, nobody their own (whoever holds a second factor and a
// session can replace it themselves).
func (s *Service) ResetTOTP(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) (Account, error) {
	if _, err := s.target(ctx, p, authz.UserUpdate, id); err != nil {
		return Account{}, err
	}
	u, err := s.Store.ResetTOTP(ctx, actor, id)
	if err != nil {
		return Account{}, fmt.Errorf("adminsvc: reset second factor of user %d: %w", id, err)
	}
	return s.view(ctx, u)
}

// LogoutEverywhere ends every session and API token of an account: anyone
// their own, the system administrator an ordinary account's, the security
// administrator another administrator's.
func (s *Service) LogoutEverywhere(ctx context.Context, p authz.Principal, actor audit.Actor, id int64) error {
	if id != p.UserID || p.UserID == 0 {
		if _, err := s.target(ctx, p, authz.UserUpdate, id); err != nil {
			return err
		}
	}
	if err := s.Store.LogoutEverywhere(ctx, actor, id); err != nil {
		return fmt.Errorf("adminsvc: logout user %d everywhere: %w", id, err)
	}
	return nil
}
