// Package signin runs the sign-in rules of package auth against the
// accounts in the store: checking passwords with lockout, issuing web
// sessions and API tokens, authenticating a presented token, signing out;
// the first administrator through the first-run link, the rules every new
// account meets (CheckAccount), and the principal of a signed-in account.
// The web pages and the JSON API share it, so both enforce one policy.
package signin

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
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
	Store  Store
	Policy auth.Policy
	Now    func() time.Time

	// sessions caches live sessions by token hash, stamped with the data
	// version they were read at: every change that could end a session or
	// alter its account (sign-out, a password reset, a grant, disabling)
	// writes to the audit chain and so moves the version.
	mu       sync.Mutex
	sessions map[string]cachedSession
}

type cachedSession struct {
	version int64
	user    *records.User
	session *records.Session
}

// maxCachedSessions bounds the session cache; past it, the cache starts over.
const maxCachedSessions = 10000

// New returns a service with the given policy and the real clock.
func New(db Store, p auth.Policy) *Service {
	return &Service{Store: db, Policy: p, Now: time.Now}
}

// Login checks a username and password from ip and, when they are right,
// opens a session of kind (records.SessionWeb or records.SessionAPI) named
// name. It returns the new token, which is shown to the caller once and
// stored only as a hash.
func (s *Service) Login(ctx context.Context, username, password, ip, kind, name string) (string, *records.User, error) {
	now := s.Now()
	u, err := s.Store.FindUserByUsername(ctx, username)
	if errors.Is(err, fault.ErrNotFound) {
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
		return "", nil, &LockedError{Until: u.LockedUntil}
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
			return "", nil, &LockedError{Until: lock}
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
	if kind == records.SessionAPI {
		life = s.Policy.TokenLifetime
	}
	err = s.Store.CreateSession(ctx, actor, records.Session{
		TokenHash: auth.TokenHash(token), UserID: userID, Kind: kind, Name: name, IP: ip,
		ExpiresAt: s.Now().Add(life),
	})
	return token, err
}

// Authenticate returns the account behind a presented token and extends a
// web session's idle expiry, never past its absolute lifetime.
func (s *Service) Authenticate(ctx context.Context, token string) (*records.User, *records.Session, error) {
	u, sess, _, err := s.AuthenticateAt(ctx, token)
	return u, sess, err
}

// AuthenticateAt is Authenticate that also returns the data version it
// read, so that the request's response cache need not read it again.
func (s *Service) AuthenticateAt(ctx context.Context, token string) (*records.User, *records.Session, int64, error) {
	if token == "" {
		return nil, nil, 0, ErrNoSession
	}
	hash := auth.TokenHash(token)
	version, err := s.Store.DataVersion(ctx)
	if err != nil {
		return nil, nil, 0, err
	}
	if u, sess, ok := s.cached(hash, version); ok {
		return u, sess, version, nil
	}
	sess, u, err := s.Store.FindSession(ctx, hash)
	if errors.Is(err, fault.ErrNotFound) {
		return nil, nil, version, ErrNoSession
	}
	if err != nil {
		return nil, nil, 0, err
	}
	if sess.Kind == records.SessionWeb {
		now := s.Now()
		// Refresh at most once a minute: a page load must not always write.
		if now.Sub(sess.LastSeenAt) > time.Minute {
			expires := now.Add(s.Policy.SessionIdle)
			if hard := sess.CreatedAt.Add(s.Policy.SessionLifetime); expires.After(hard) {
				expires = hard
			}
			if err := s.Store.TouchSession(ctx, sess.TokenHash, expires); err != nil {
				return nil, nil, 0, err
			}
			sess.LastSeenAt, sess.ExpiresAt = now, expires
		}
	}
	s.remember(hash, cachedSession{version: version, user: u, session: sess})
	return u, sess, version, nil
}

// cached returns a session read at the current data version that has not
// expired, and whose idle clock needs no refresh yet.
func (s *Service) cached(hash string, version int64) (*records.User, *records.Session, bool) {
	s.mu.Lock()
	c, ok := s.sessions[hash]
	s.mu.Unlock()
	if !ok || c.version != version {
		return nil, nil, false
	}
	now := s.Now()
	if !now.Before(c.session.ExpiresAt) || (c.session.Kind == records.SessionWeb && now.Sub(c.session.LastSeenAt) > time.Minute) {
		return nil, nil, false
	}
	return c.user, c.session, true
}

func (s *Service) remember(hash string, c cachedSession) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sessions == nil || len(s.sessions) >= maxCachedSessions {
		s.sessions = map[string]cachedSession{}
	}
	s.sessions[hash] = c
}

// Logout ends the session of token.
func (s *Service) Logout(ctx context.Context, actor audit.Actor, token string) error {
	return s.Store.DeleteSession(ctx, actor, auth.TokenHash(token))
}
