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

// CreateAdmin creates the first system administrator.
func (s *setup) CreateAdmin(ctx context.Context, token string, in web.SetupInput) error {
	err := s.d.Signin.CompleteSetup(ctx, httpauth.IPFrom(ctx), token, signin.Admin{Username: in.Username,
		DisplayName: in.DisplayName, Password: in.Password})
	return pageError(err, "", "")
}
