// Package signin runs the sign-in rules of package auth against the
// accounts in the store: checking passwords with lockout, issuing web
// sessions and API tokens, authenticating a presented token, signing out.
// The web pages and the JSON API share it, so both enforce one policy.
package signin

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/store"
)

// Errors a caller turns into messages. They never say whether a username
// exists: a wrong password and an unknown user read alike.
var (
	ErrBadCredentials = errors.New("signin: wrong username or password")
	ErrLocked         = errors.New("signin: account locked")
	ErrDisabled       = errors.New("signin: account disabled")
	ErrNoSession      = errors.New("signin: no valid session")
)

// Service signs people in.
type Service struct {
	Store  *store.DB
	Policy auth.Policy
	Now    func() time.Time
}

// New returns a service with the given policy and the real clock.
func New(db *store.DB, p auth.Policy) *Service {
	return &Service{Store: db, Policy: p, Now: time.Now}
}

// Login checks a username and password from ip and, when they are right,
// opens a session of kind (store.SessionWeb or store.SessionAPI) named
// name. It returns the new token, which is shown to the caller once and
// stored only as a hash.
func (s *Service) Login(ctx context.Context, username, password, ip, kind, name string) (string, *store.User, error) {
	now := s.Now()
	u, err := s.Store.FindUserByUsername(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		auth.CheckNoUser(password)
		_ = s.Store.RecordLogin(ctx, audit.Actor{Username: username, IP: ip}, 0, false, time.Time{})
		return "", nil, ErrBadCredentials
	}
	if err != nil {
		return "", nil, err
	}
	actor := audit.Actor{ID: u.ID, Username: u.Username, IP: ip}
	if u.Locked(now) {
		auth.CheckNoUser(password) // the same time as a real check
		return "", nil, fmt.Errorf("%w until %s", ErrLocked, u.LockedUntil.Format(time.RFC3339))
	}
	ok, err := auth.CheckPassword(u.PasswordHash, password)
	if err != nil {
		return "", nil, err
	}
	if !ok {
		lock := s.Policy.LockedUntil(u.FailedLogins+1, now)
		if err := s.Store.RecordLogin(ctx, actor, u.ID, false, lock); err != nil {
			return "", nil, err
		}
		if !lock.IsZero() {
			return "", nil, fmt.Errorf("%w until %s", ErrLocked, lock.Format(time.RFC3339))
		}
		return "", nil, ErrBadCredentials
	}
	if u.Disabled {
		return "", nil, ErrDisabled
	}
	if err := s.Store.RecordLogin(ctx, actor, u.ID, true, time.Time{}); err != nil {
		return "", nil, err
	}
	token, err := s.Issue(ctx, actor, u.ID, kind, name, ip)
	return token, u, err
}

// Issue opens a session or API token for an account without a password
// check (after setup, or for a signed-in user creating a token).
func (s *Service) Issue(ctx context.Context, actor audit.Actor, userID int64, kind, name, ip string) (string, error) {
	token, err := auth.NewToken()
	if err != nil {
		return "", err
	}
	life := s.Policy.SessionIdle
	if kind == store.SessionAPI {
		life = s.Policy.TokenLifetime
	}
	err = s.Store.CreateSession(ctx, actor, store.Session{
		TokenHash: auth.TokenHash(token), UserID: userID, Kind: kind, Name: name, IP: ip,
		ExpiresAt: s.Now().Add(life),
	})
	return token, err
}

// Authenticate returns the account behind a presented token and extends a
// web session's idle expiry, never past its absolute lifetime.
func (s *Service) Authenticate(ctx context.Context, token string) (*store.User, *store.Session, error) {
	if token == "" {
		return nil, nil, ErrNoSession
	}
	sess, u, err := s.Store.FindSession(ctx, auth.TokenHash(token))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	if sess.Kind == store.SessionWeb {
		now := s.Now()
		// Refresh at most once a minute: a page load must not always write.
		if now.Sub(sess.LastSeenAt) > time.Minute {
			expires := now.Add(s.Policy.SessionIdle)
			if hard := sess.CreatedAt.Add(s.Policy.SessionLifetime); expires.After(hard) {
				expires = hard
			}
			if err := s.Store.TouchSession(ctx, sess.TokenHash, expires); err != nil {
				return nil, nil, err
			}
		}
	}
	return u, sess, nil
}

// Logout ends the session of token.
func (s *Service) Logout(ctx context.Context, actor audit.Actor, token string) error {
	return s.Store.DeleteSession(ctx, actor, auth.TokenHash(token))
}
