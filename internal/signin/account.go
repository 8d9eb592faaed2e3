package signin

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
)

// usernamePattern is what a user name may look like: short, ASCII, no
// spaces, so it can be typed on any keyboard and used in scripts and logs.
var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$`)

// MaxNameLen bounds display names, in characters, as the forms do.
const MaxNameLen = 100

// CheckAccount adds to problems (field → catalogue key) what is wrong
// with a new account's user name, display name and chosen password; the
// password is left out when it is "", for a one-time password to be made.
// Account creation (adminsvc) and first-run setup share it, so every
// account meets the same rules whichever way it was made.
func CheckAccount(p auth.Policy, problems map[string]string, username, displayName, password string) {
	switch {
	case strings.TrimSpace(username) == "":
		problems["username"] = "error.required"
	case !usernamePattern.MatchString(username):
		problems["username"] = "error.username_invalid"
	}
	if utf8.RuneCountInString(strings.TrimSpace(displayName)) > MaxNameLen {
		problems["display_name"] = "error.too_long"
	}
	if password != "" {
		if key := p.CheckRules(username, password); key != "" {
			problems["password"] = key
		}
	}
}

// CheckPassword is nil when password meets the rules for username's
// account, or the refusal at field "password".
func CheckPassword(p auth.Policy, username, password string) error {
	if key := p.CheckRules(username, password); key != "" {
		return fault.Field("password", key)
	}
	return nil
}

// Principal is the account userID as authorisation sees it, read afresh
// (a grant takes effect on the next request), with an office's or a
// leader's scope (分级督查). An account that is gone or
// disabled is nobody: fault.ErrUnauthenticated.
func (s *Service) Principal(ctx context.Context, userID int64) (authz.Principal, error) {
	u, err := s.Store.FindUserByID(ctx, userID)
	if errors.Is(err, fault.ErrNotFound) {
		return authz.Principal{}, fault.Wrap(fault.Unauthenticated, "", err)
	}
	if err != nil {
		return authz.Principal{}, fmt.Errorf("signin: principal: %w", err)
	}
	if u.Disabled {
		return authz.Principal{}, fault.ErrUnauthenticated
	}
	if err := s.scope(ctx, u); err != nil {
		return authz.Principal{}, fmt.Errorf("signin: principal: %w", err)
	}
	return u.Principal(), nil
}
