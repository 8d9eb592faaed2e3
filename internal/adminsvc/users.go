package adminsvc

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/signin"
)

// Account is an account as administration shows it: never its password
// hash.
type Account struct {
	ID          int64
	Username    string
	DisplayName string
	Role        authz.Role // "" until the security administrator grants one
	Units       []int64    // a liaison's units
	UnitNames   []string   // their names, in the same order
	Disabled    bool
	Locked      bool // locked out after failed sign-ins, at the service's clock
	CreatedAt   time.Time
}

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

// view is u with its units' names.
func (s *Service) view(ctx context.Context, u *records.User) (Account, error) {
	names, err := s.unitNames(ctx, *u)
	if err != nil {
		return Account{}, err
	}
	return s.account(u, names), nil
}

func (s *Service) account(u *records.User, names map[int64]string) Account {
	a := Account{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: u.Role, Units: slices.Clone(u.Units),
		Disabled: u.Disabled, Locked: u.Locked(s.now()), CreatedAt: u.CreatedAt}
	for _, id := range u.Units {
		a.UnitNames = append(a.UnitNames, names[id])
	}
	return a
}

// unitNames names the registered units, read only when one of users has
// units (or, with no users given, always).
func (s *Service) unitNames(ctx context.Context, users ...records.User) (map[int64]string, error) {
	need := len(users) == 0
	for _, u := range users {
		need = need || len(u.Units) > 0
	}
	names := map[int64]string{}
	if !need {
		return names, nil
	}
	all, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, fmt.Errorf("adminsvc: units: %w", err)
	}
	for _, x := range all {
		names[x.ID] = x.Name
	}
	return names, nil
}

// oneTimePassword makes a random password that meets the rules: one of
// each character class, then random letters and digits.
func (s *Service) oneTimePassword(username string) (string, error) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
	for {
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return "", fmt.Errorf("adminsvc: one-time password: %w", err)
		}
		pw := []byte("Aa7#")
		for _, x := range b {
			pw = append(pw, alphabet[int(x)%len(alphabet)])
		}
		if s.Policy.CheckRules(username, string(pw)) == "" {
			return string(pw), nil
		}
	}
}
