package webdeps

import (
	"context"
	"slices"

	"github.com/duban/duban/internal/adminsvc"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/web"
)

// users is account administration's pages over adminsvc, which decides
// who may do what (三员分立).
type users struct{ d *Deps }

func userView(a adminsvc.Account) web.UserView {
	return web.UserView{ID: a.ID, Username: a.Username, DisplayName: a.DisplayName, Role: string(a.Role),
		UnitIDs: slices.Clone(a.Units), Units: slices.Clone(a.UnitNames), Disabled: a.Disabled, Locked: a.Locked, TOTP: a.TOTP}
}

func (s *users) MayCreate(ctx context.Context) error {
	p, _, err := s.d.caller(ctx)
	if err == nil && !adminsvc.MayCreateUsers(p) {
		err = web.ErrForbidden
	}
	return err
}

func (s *users) List(ctx context.Context) ([]web.UserView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.d.Admin.Users(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	out := make([]web.UserView, len(all))
	for i, a := range all {
		out[i] = userView(a)
	}
	return out, nil
}

func (s *users) Get(ctx context.Context, id int64) (web.UserView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return web.UserView{}, err
	}
	a, err := s.d.Admin.User(ctx, p, id)
	if err != nil {
		return web.UserView{}, pageError(err, "", "")
	}
	return userView(a), nil
}

// Create makes the account with a one-time password, shown once.
func (s *users) Create(ctx context.Context, in web.UserInput) (web.UserView, string, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return web.UserView{}, "", err
	}
	a, password, err := s.d.Admin.CreateUser(ctx, p, actor, adminsvc.NewUser{Username: in.Username,
		DisplayName: in.DisplayName, Role: authz.Role(in.Role)})
	if err != nil {
		return web.UserView{}, "", pageError(err, "", "")
	}
	return userView(a), password, nil
}

// Update applies what changed, each part under its own administrator:
// the name is the system administrator's, the role and units the
// security administrator's.
func (s *users) Update(ctx context.Context, id int64, in web.UserInput) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	cur, err := s.d.Admin.User(ctx, p, id)
	if err != nil {
		return pageError(err, "", "")
	}
	if in.DisplayName != cur.DisplayName {
		if _, err := s.d.Admin.UpdateUser(ctx, p, actor, id, adminsvc.UserChange{DisplayName: &in.DisplayName}); err != nil {
			return pageError(err, "", "")
		}
	}
	role, units := authz.Role(in.Role), in.UnitIDs
	if role != authz.Liaison {
		units = nil
	}
	if role == cur.Role && slices.Equal(units, cur.Units) {
		return nil
	}
	_, err = s.d.Admin.Grant(ctx, p, actor, id, role, units)
	return pageError(err, "", "")
}

func (s *users) SetDisabled(ctx context.Context, id int64, disabled bool) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Admin.UpdateUser(ctx, p, actor, id, adminsvc.UserChange{Disabled: &disabled})
	return pageError(err, "", "")
}

func (s *users) Unlock(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Admin.Unlock(ctx, p, actor, id)
	return pageError(err, "", "")
}

func (s *users) ResetTOTP(ctx context.Context, id int64) error {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return err
	}
	_, err = s.d.Admin.ResetTOTP(ctx, p, actor, id)
	return pageError(err, "", "")
}

// ResetPassword sets a one-time password, shown once.
func (s *users) ResetPassword(ctx context.Context, id int64) (string, error) {
	p, actor, err := s.d.caller(ctx)
	if err != nil {
		return "", err
	}
	password, err := s.d.Admin.ResetPassword(ctx, p, actor, id, "")
	return password, pageError(err, "", "")
}
