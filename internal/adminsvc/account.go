package adminsvc

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/authz"
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
	TOTP        bool // signs in with a second factor
	CreatedAt   time.Time
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
		Disabled: u.Disabled, Locked: u.Locked(s.now()), TOTP: u.TOTPEnabled, CreatedAt: u.CreatedAt}
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

// oneTimePassword makes a random password that meets the rules
// (signin.OneTimePassword).
func (s *Service) oneTimePassword(username string) (string, error) {
	return signin.OneTimePassword(s.Policy, username)
}
