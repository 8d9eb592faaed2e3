package web

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// fakeAuth keeps sessions in a cookie holding the user name: enough for
// the pages to be driven by tests and the browser, and nothing more.
type fakeAuth struct {
	mu        sync.Mutex
	users     map[string]CurrentUser
	passwords map[string]string
	locked    map[string]time.Time
	codes     map[string]string // accounts with a second factor: the code that works
}

const fakeSessionCookie = "fake_session"

func (a *fakeAuth) Current(r *http.Request) (CurrentUser, error) {
	c, err := r.Cookie(fakeSessionCookie)
	if err != nil {
		return CurrentUser{}, ErrSignedOut
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	u, ok := a.users[c.Value]
	if !ok {
		return CurrentUser{}, ErrSignedOut
	}
	return u, nil
}

func (a *fakeAuth) SignIn(w http.ResponseWriter, r *http.Request, username, password, code string) (CurrentUser, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.locked[username]; ok {
		return CurrentUser{}, ErrBadCredentials // a locked account reads as a wrong password
	}
	if username == "crowd" {
		return CurrentUser{}, ErrBusy
	}
	u, ok := a.users[username]
	if !ok || a.passwords[username] != password {
		return CurrentUser{}, fmt.Errorf("fake: %w", ErrBadCredentials)
	}
	switch want := a.codes[username]; {
	case want != "" && code == "":
		return CurrentUser{}, ErrTOTPRequired
	case want != "" && code != want:
		return CurrentUser{}, ErrTOTPInvalid
	}
	http.SetCookie(w, &http.Cookie{Name: fakeSessionCookie, Value: username, Path: "/", HttpOnly: true})
	return u, nil
}

func (a *fakeAuth) SignOut(w http.ResponseWriter, r *http.Request) error {
	http.SetCookie(w, &http.Cookie{Name: fakeSessionCookie, Path: "/", MaxAge: -1})
	return nil
}

type fakeSetup struct {
	mu      sync.Mutex
	token   string
	created []SetupInput
}

func (s *fakeSetup) Check(ctx context.Context, token string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if token != s.token || s.token == "" {
		return ErrNotFound
	}
	return nil
}

func (s *fakeSetup) CreateAdmin(ctx context.Context, token string, in SetupInput) ([]SetupAccount, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if token != s.token || s.token == "" {
		return nil, ErrNotFound
	}
	if len(in.Password) < 10 {
		return nil, &ValidationError{Fields: map[string]string{"password": "password.too_short"}}
	}
	s.created = append(s.created, in)
	s.token = ""
	return []SetupAccount{{Username: in.SecAdmin, Role: RoleSecAdmin, Password: "One-time-sec1"},
		{Username: in.AuditAdmin, Role: RoleAuditAdmin, Password: "One-time-aud1"}}, nil
}

// fakeUsers is an in-memory account list. forbidden makes every call
// answer ErrForbidden, as the real service does for the wrong role.
type fakeUsers struct {
	mu        sync.Mutex
	users     []UserView
	units     *fakeUnits
	forbidden bool
}

func (f *fakeUsers) List(ctx context.Context) ([]UserView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.forbidden {
		return nil, ErrForbidden
	}
	return append([]UserView(nil), f.users...), nil
}

func (f *fakeUsers) Get(ctx context.Context, id int64) (UserView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.forbidden {
		return UserView{}, ErrForbidden
	}
	for _, u := range f.users {
		if u.ID == id {
			return u, nil
		}
	}
	return UserView{}, fmt.Errorf("fake user %d: %w", id, ErrNotFound)
}

func (f *fakeUsers) Create(ctx context.Context, in UserInput) (UserView, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.forbidden {
		return UserView{}, "", ErrForbidden
	}
	for _, u := range f.users {
		if u.Username == in.Username {
			return UserView{}, "", &ValidationError{Fields: map[string]string{"username": "error.username_taken"}}
		}
	}
	u := UserView{ID: int64(len(f.users) + 1), Username: in.Username, DisplayName: in.DisplayName, Role: in.Role, UnitIDs: in.UnitIDs}
	u.Units = f.units.names(in.UnitIDs)
	f.users = append(f.users, u)
	return u, "Tmp-7qX2-kP9m", nil
}

func (f *fakeUsers) Update(ctx context.Context, id int64, in UserInput) error {
	return f.change(id, func(u *UserView) {
		u.DisplayName, u.Role, u.UnitIDs = in.DisplayName, in.Role, in.UnitIDs
		u.Units = f.units.names(in.UnitIDs)
	})
}

func (f *fakeUsers) SetDisabled(ctx context.Context, id int64, disabled bool) error {
	return f.change(id, func(u *UserView) { u.Disabled = disabled })
}

func (f *fakeUsers) Unlock(ctx context.Context, id int64) error {
	return f.change(id, func(u *UserView) { u.Locked = false })
}

func (f *fakeUsers) MayCreate(ctx context.Context) error { return mayAs(ctx, "admin") }

func (f *fakeUsers) ResetTOTP(ctx context.Context, id int64) error {
	return f.change(id, func(u *UserView) { u.TOTP = false })
}

func (f *fakeUsers) ResetPassword(ctx context.Context, id int64) (string, error) {
	return "Rst-4hN8-wQ2z", f.change(id, func(u *UserView) { u.Locked = false })
}

func (f *fakeUsers) change(id int64, fn func(*UserView)) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.forbidden {
		return ErrForbidden
	}
	for i := range f.users {
		if f.users[i].ID == id {
			fn(&f.users[i])
			return nil
		}
	}
	return ErrNotFound
}

type fakeUnits struct {
	mu    sync.Mutex
	units []UnitView
}

func (f *fakeUnits) List(ctx context.Context) ([]UnitView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]UnitView(nil), f.units...), nil
}

func (f *fakeUnits) MayWrite(ctx context.Context) error { return mayAs(ctx, "admin", "office") }

func (f *fakeUnits) Get(ctx context.Context, id int64) (UnitView, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range f.units {
		if u.ID == id {
			return u, nil
		}
	}
	return UnitView{}, ErrNotFound
}

func (f *fakeUnits) Create(ctx context.Context, in UnitInput) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, u := range f.units {
		if u.Name == in.Name {
			return 0, &ValidationError{Fields: map[string]string{"name": "error.name_taken"}}
		}
	}
	id := int64(len(f.units) + 1)
	f.units = append(f.units, UnitView{ID: id, Name: in.Name, ParentID: in.ParentID, Kind: in.Kind, Aliases: in.Aliases})
	return id, nil
}

func (f *fakeUnits) Update(ctx context.Context, id int64, in UnitInput) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.units {
		if f.units[i].ID == id {
			f.units[i] = UnitView{ID: id, Name: in.Name, ParentID: in.ParentID, Kind: in.Kind, Aliases: in.Aliases}
			return nil
		}
	}
	return ErrNotFound
}

func (f *fakeUnits) names(ids []int64) []string {
	if f == nil {
		return nil
	}
	var out []string
	for _, id := range ids {
		for _, u := range f.units {
			if u.ID == id {
				out = append(out, u.Name)
			}
		}
	}
	return out
}

type fakeAudit struct {
	entries []AuditView // oldest first
	last    AuditFilter
}

func (f *fakeAudit) match(e AuditView, flt AuditFilter) bool {
	return (flt.From.IsZero() || !e.At.Before(flt.From)) && (flt.To.IsZero() || e.At.Before(flt.To)) &&
		strings.Contains(e.Actor, flt.Actor) && strings.Contains(e.Action, flt.Action) && strings.Contains(e.Object, flt.Object)
}

func (f *fakeAudit) Find(ctx context.Context, flt AuditFilter) ([]AuditView, int, error) {
	f.last = flt
	var all []AuditView
	for _, e := range f.entries {
		if f.match(e, flt) {
			all = append(all, e)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Seq > all[j].Seq })
	total := len(all)
	if flt.Offset > len(all) {
		flt.Offset = len(all)
	}
	all = all[flt.Offset:]
	if flt.Limit > 0 && len(all) > flt.Limit {
		all = all[:flt.Limit]
	}
	return all, total, nil
}

func (f *fakeAudit) Each(ctx context.Context, flt AuditFilter, fn func(AuditView) error) error {
	for _, e := range f.entries {
		if f.match(e, flt) {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// mayAs is nil when the signed-in fake user has one of roles, as the
// services decide who is offered a form.
func mayAs(ctx context.Context, roles ...string) error {
	cu, ok := CurrentUserFrom(ctx)
	if !ok {
		return ErrSignedOut
	}
	for _, r := range roles {
		if cu.Role == r || cu.Username == r {
			return nil
		}
	}
	return ErrForbidden
}
