package webdeps

import (
	"context"
	"crypto/rand"
	"slices"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/web"
)

// users is account administration under 三员分立: the system
// administrator creates accounts (with no role, or as one of the other two
// administrators), renames, disables and resets them; the security
// administrator grants roles and units and lifts lockouts; nobody grants
// to themselves.
type users struct{ d *Deps }

func (s *users) view(ctx context.Context, u *records.User) (web.UserView, error) {
	names := map[int64]string{}
	if len(u.Units) > 0 {
		all, err := s.d.Store.FindUnits(ctx)
		if err != nil {
			return web.UserView{}, err
		}
		for _, x := range all {
			names[x.ID] = x.Name
		}
	}
	v := web.UserView{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: string(u.Role),
		UnitIDs: slices.Clone(u.Units), Disabled: u.Disabled, Locked: u.Locked(s.d.Signin.Now())}
	for _, id := range u.Units {
		v.Units = append(v.Units, names[id])
	}
	return v, nil
}

func (s *users) List(ctx context.Context) ([]web.UserView, error) {
	if _, _, err := s.d.acting(ctx, authz.UserList); err != nil {
		return nil, err
	}
	all, err := s.d.Store.FindUsers(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]web.UserView, 0, len(all))
	for i := range all {
		v, err := s.view(ctx, &all[i])
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (s *users) Get(ctx context.Context, id int64) (web.UserView, error) {
	if _, _, err := s.d.acting(ctx, authz.UserList); err != nil {
		return web.UserView{}, err
	}
	u, err := s.d.Store.FindUserByID(ctx, id)
	if err != nil {
		return web.UserView{}, pageError(err, "", "")
	}
	return s.view(ctx, u)
}

// creatableRoles are what the system administrator may give a new
// account; business roles are the security administrator's to grant.
var creatableRoles = []authz.Role{"", authz.SecAdmin, authz.AuditAdmin}

func (s *users) Create(ctx context.Context, in web.UserInput) (web.UserView, string, error) {
	_, actor, err := s.d.acting(ctx, authz.UserCreate)
	if err != nil {
		return web.UserView{}, "", err
	}
	if in.Username == "" {
		return web.UserView{}, "", &web.ValidationError{Fields: map[string]string{"username": "error.required"}}
	}
	if !slices.Contains(creatableRoles, authz.Role(in.Role)) {
		return web.UserView{}, "", &web.ValidationError{Fields: map[string]string{"role": "error.role_not_allowed"}}
	}
	password, hash, err := s.oneTimePassword(in.Username)
	if err != nil {
		return web.UserView{}, "", err
	}
	u, err := s.d.Store.CreateUser(ctx, actor, records.UserCreate{Username: in.Username, DisplayName: in.DisplayName,
		PasswordHash: hash, Role: authz.Role(in.Role)})
	if err != nil {
		return web.UserView{}, "", pageError(err, "username", "error.username_taken")
	}
	v, err := s.view(ctx, u)
	return v, password, err
}

// Update applies what changed, each part under its own administrator.
func (s *users) Update(ctx context.Context, id int64, in web.UserInput) error {
	cur, err := s.d.Store.FindUserByID(ctx, id)
	if err != nil {
		return pageError(err, "", "")
	}
	if in.DisplayName != cur.DisplayName {
		_, actor, err := s.d.acting(ctx, authz.UserUpdate)
		if err != nil {
			return err
		}
		if _, err := s.d.Store.UpdateUser(ctx, actor, id, records.UserUpdate{DisplayName: &in.DisplayName}); err != nil {
			return pageError(err, "", "")
		}
	}
	units := in.UnitIDs
	if authz.Role(in.Role) != authz.Liaison {
		units = nil
	}
	if authz.Role(in.Role) == cur.Role && slices.Equal(units, cur.Units) {
		return nil
	}
	p, actor, err := s.d.acting(ctx, authz.UserGrant)
	if err != nil {
		return err
	}
	if p.UserID == id {
		return &web.ValidationError{Fields: map[string]string{"role": "error.role_not_allowed"}}
	}
	if in.Role != "" && !authz.Role(in.Role).Valid() {
		return &web.ValidationError{Fields: map[string]string{"role": "error.invalid"}}
	}
	if authz.Role(in.Role) == authz.Liaison && len(units) == 0 {
		return &web.ValidationError{Fields: map[string]string{"units": "error.required"}}
	}
	_, err = s.d.Store.GrantUser(ctx, actor, id, records.UserGrant{Role: authz.Role(in.Role), Units: units})
	return pageError(err, "", "")
}

func (s *users) SetDisabled(ctx context.Context, id int64, disabled bool) error {
	p, actor, err := s.d.acting(ctx, authz.UserUpdate)
	if err != nil {
		return err
	}
	if p.UserID == id && disabled {
		return web.ErrForbidden // an administrator cannot lock themselves out
	}
	_, err = s.d.Store.UpdateUser(ctx, actor, id, records.UserUpdate{Disabled: &disabled})
	return pageError(err, "", "")
}

func (s *users) Unlock(ctx context.Context, id int64) error {
	_, actor, err := s.d.acting(ctx, authz.UserUnlock)
	if err != nil {
		return err
	}
	_, err = s.d.Store.UnlockUser(ctx, actor, id)
	return pageError(err, "", "")
}

func (s *users) ResetPassword(ctx context.Context, id int64) (string, error) {
	_, actor, err := s.d.acting(ctx, authz.UserUpdate)
	if err != nil {
		return "", err
	}
	u, err := s.d.Store.FindUserByID(ctx, id)
	if err != nil {
		return "", pageError(err, "", "")
	}
	password, hash, err := s.oneTimePassword(u.Username)
	if err != nil {
		return "", err
	}
	_, err = s.d.Store.UpdateUser(ctx, actor, id, records.UserUpdate{PasswordHash: &hash})
	return password, pageError(err, "", "")
}

// oneTimePassword makes a random password that meets the rules: one of
// each character class, then random letters and digits.
func (s *users) oneTimePassword(username string) (string, string, error) {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
	for {
		b := make([]byte, 12)
		if _, err := rand.Read(b); err != nil {
			return "", "", err
		}
		pw := []byte("Aa7#")
		for _, x := range b {
			pw = append(pw, alphabet[int(x)%len(alphabet)])
		}
		if s.d.Signin.Policy.CheckRules(username, string(pw)) != "" {
			continue
		}
		hash, err := auth.HashPassword(string(pw))
		return string(pw), hash, err
	}
}
