package webdeps

import (
	"context"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/web"
)

// password is the page for changing one's own password, over signin.
type password struct{ d *Deps }

// Change changes the password of the person signed in, keeping the
// session the browser asked from.
func (s *password) Change(ctx context.Context, old, new string) error {
	c := httpauth.From(ctx)
	if c == nil || c.User == nil {
		return web.ErrSignedOut
	}
	actor := audit.Actor{ID: c.User.ID, Username: c.User.Username, IP: httpauth.IPFrom(ctx)}
	return pageError(s.d.Signin.ChangePassword(ctx, actor, c.Token, signin.PasswordChange{Old: old, New: new}), "", "")
}
