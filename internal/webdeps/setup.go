package webdeps

import (
	"context"

	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/web"
)

// setup is the first-run page over signin.
type setup struct{ d *Deps }

// Check says whether the first-run link is live.
func (s *setup) Check(ctx context.Context, token string) error {
	return pageError(s.d.Signin.CheckSetup(ctx, token), "", "")
}

// CreateAdmin creates the three administrators, the security and audit
// administrators with one-time passwords.
func (s *setup) CreateAdmin(ctx context.Context, token string, in web.SetupInput) ([]web.SetupAccount, error) {
	made, err := s.d.Signin.CompleteSetup(ctx, httpauth.IPFrom(ctx), token, signin.Admin{Username: in.Username,
		DisplayName: in.DisplayName, Password: in.Password, SecAdmin: in.SecAdmin, AuditAdmin: in.AuditAdmin})
	if err != nil {
		return nil, pageError(err, "", "")
	}
	out := make([]web.SetupAccount, len(made))
	for i, a := range made {
		out[i] = web.SetupAccount{Username: a.Username, Role: string(a.Role), Password: a.Password}
	}
	return out, nil
}
