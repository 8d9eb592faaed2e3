// Package signin runs the sign-in rules of package auth against the
// accounts in the store: checking passwords with lockout and a second
// factor (TOTP, with recovery codes, and its enrolment), under a bounded
// hashing pool and per-address and per-account throttles; issuing web
// sessions and API tokens, authenticating a presented token, signing out;
// the first administrator through the first-run link, the rules every new
// account meets (CheckAccount), and the principal of a signed-in account.
// The web pages and the JSON API share it, so both enforce one policy.
package signin

import (
	"context"
	"errors"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Errors a caller turns into messages. They never say whether a username
// exists: a wrong password, an unknown user, a locked and a disabled
// account all read as ErrBadCredentials, after the same work.
var (
	ErrBadCredentials = errors.New("signin: wrong username or password")
	ErrLocked         = errors.New("signin: account locked")
	ErrDisabled       = errors.New("signin: account disabled")
	ErrNoSession      = errors.New("signin: no valid session")
	// ErrTOTPRequired: the password was right and the account signs in
	// with a second factor; ask for the code.
	ErrTOTPRequired = errors.New("signin: a TOTP code is required")
	// ErrTOTPInvalid: the password was right, the code was not (or was
	// used already); it counts as a failed sign-in.
	ErrTOTPInvalid = errors.New("signin: wrong TOTP code")
	// ErrBusy: too many sign-ins at once or from one place; try later.
	ErrBusy = errors.New("signin: busy")
)

// BusyError is ErrBusy with how long to wait, for Retry-After.
type BusyError struct {
	RetryAfter time.Duration
}

func (e *BusyError) Error() string { return "signin: busy, retry after " + e.RetryAfter.String() }

// Is makes a BusyError match ErrBusy.
func (e *BusyError) Is(target error) bool { return target == ErrBusy }

// Limits bound the work sign-in does for people who are not signed in yet.
type Limits struct {
	// HashWorkers is how many password checks run at once (each holds
	// 19 MiB); 0 means one per CPU.
	HashWorkers int
	// HashWait is how long a sign-in waits for a free worker before it
	// is refused as busy.
	HashWait time.Duration
	// AddressPerMinute and AccountPerMinute are the failed sign-ins
	// allowed a minute, and in a burst, from one address and on one user
	// name; 0 is no limit. A good sign-in gives its attempt back.
	AddressPerMinute int
	AccountPerMinute int
	// FailureFloor is the least time a refused sign-in takes to answer,
	// so that the work behind the refusal (an audit write or none, a
	// failure counted or not) cannot be timed to tell an unknown or
	// locked account from a wrong password.
	FailureFloor time.Duration
}

// DefaultLimits is what serve starts with.
var DefaultLimits = Limits{HashWait: 2 * time.Second, AddressPerMinute: 30, AccountPerMinute: 10, FailureFloor: 250 * time.Millisecond}

// Service signs people in.
type Service struct {
	Store  Store
	Policy auth.Policy
	Now    func() time.Time
	// Issuer names duban in authenticator apps.
	Issuer string

	pool      *hashPool
	floor     time.Duration
	byAddress *limiter // attempts from one address
	byAccount *limiter // attempts on one user name
	audits    *limiter // refused attempts written to the audit log
	// shared, when set, counts byAddress's and byAccount's attempts for
	// every instance at once (ShareLimits).
	shared RateCounter

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

// maxLimiterKeys bounds each throttle's memory (a bucket is ~100 bytes).
const maxLimiterKeys = 50000

// New returns a service with the given policy, DefaultLimits and the real
// clock.
func New(db Store, p auth.Policy) *Service {
	s := &Service{Store: db, Policy: p, Now: time.Now, Issuer: "duban"}
	s.SetLimits(DefaultLimits)
	return s
}

// SetLimits replaces the sign-in limits; call it before serving.
func (s *Service) SetLimits(l Limits) {
	n := l.HashWorkers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	s.pool = newHashPool(n, l.HashWait)
	s.floor = l.FailureFloor
	s.byAddress = newLimiter(l.AddressPerMinute, maxLimiterKeys)
	s.byAccount = newLimiter(l.AccountPerMinute, maxLimiterKeys)
	// Refused attempts on one locked account or from one address reach
	// the audit log three at once and then one a minute, each with the
	// count of those left out.
	s.audits = newLimiter(1, maxLimiterKeys)
	s.audits.burst = 3
}

// HashPassword hashes a new password in the bounded pool, so that
// password changes share the sign-in's memory bound.
func (s *Service) HashPassword(ctx context.Context, password string) (string, error) {
	var hash string
	var err error
	if perr := s.pool.do(ctx, func() { hash, err = auth.HashPassword(password) }); perr != nil {
		return "", perr
	}
	return hash, err
}

// Attempt is one sign-in: the name, password and, for an account with a
// second factor, a TOTP or recovery code; where it came from and the
// session it asks for (records.SessionWeb or records.SessionAPI, named).
type Attempt struct {
	Username, Password, Code string
	IP, Kind, Name           string
}

// Login is SignIn without a second-factor code.
func (s *Service) Login(ctx context.Context, username, password, ip, kind, name string) (string, *records.User, error) {
	return s.SignIn(ctx, Attempt{Username: username, Password: password, IP: ip, Kind: kind, Name: name})
}

// SignIn checks an attempt and, when it is right, opens a session. It
// returns the new token, which is shown to the caller once and stored
// only as a hash. Throttled or crowded attempts are a *BusyError before
// any work; an unknown, locked or disabled account is ErrBadCredentials
// after a password check's time, like a wrong password.
func (s *Service) SignIn(ctx context.Context, a Attempt) (string, *records.User, error) {
	start := time.Now()
	token, u, err := s.signIn(ctx, a)
	if errors.Is(err, ErrBadCredentials) || errors.Is(err, ErrTOTPInvalid) {
		if d := s.floor - time.Since(start); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
			}
		}
	}
	return token, u, err
}

func (s *Service) signIn(ctx context.Context, a Attempt) (string, *records.User, error) {
	now := s.Now()
	addrKey, acctKey := "ip:"+a.IP, "user:"+strings.ToLower(a.Username)
	if ok, retry := s.take(ctx, s.byAddress, "signin.address", addrKey, now); !ok {
		return "", nil, &BusyError{RetryAfter: retry}
	}
	if ok, retry := s.take(ctx, s.byAccount, "signin.account", acctKey, now); !ok {
		return "", nil, &BusyError{RetryAfter: retry}
	}
	u, err := s.Store.FindUserByUsername(ctx, a.Username)
	if errors.Is(err, fault.ErrNotFound) {
		if err := s.pool.do(ctx, func() { auth.CheckNoUser(a.Password) }); err != nil {
			return "", nil, err
		}
		return "", nil, s.refused(ctx, audit.Actor{Username: a.Username, IP: a.IP}, 0, addrKey, now)
	}
	if err != nil {
		return "", nil, err
	}
	actor := audit.Actor{ID: u.ID, Username: u.Username, IP: a.IP}
	if u.Locked(now) {
		if err := s.pool.do(ctx, func() { auth.CheckNoUser(a.Password) }); err != nil { // the time of a real check
			return "", nil, err
		}
		return "", nil, s.refused(ctx, actor, u.ID, acctKey, now)
	}
	var ok bool
	if perr := s.pool.do(ctx, func() { ok, err = auth.CheckPassword(u.PasswordHash, a.Password) }); perr != nil {
		return "", nil, perr
	}
	if err != nil {
		return "", nil, err
	}
	if !ok {
		return "", nil, s.failed(ctx, actor, u, now, ErrBadCredentials)
	}
	if u.Disabled {
		return "", nil, ErrBadCredentials
	}
	if u.TOTPEnabled {
		if strings.TrimSpace(a.Code) == "" {
			return "", nil, ErrTOTPRequired
		}
		good, err := s.checkCode(ctx, actor, u, a.Code, now)
		if err != nil {
			return "", nil, err
		}
		if !good {
			return "", nil, s.failed(ctx, actor, u, now, ErrTOTPInvalid)
		}
	}
	if err := s.Store.RecordLogin(ctx, actor, u.ID, true, time.Time{}); err != nil {
		return "", nil, err
	}
	s.give(ctx, s.byAddress, "signin.address", addrKey, now)
	s.give(ctx, s.byAccount, "signin.account", acctKey, now)
	token, err := s.Issue(ctx, actor, u.ID, a.Kind, a.Name, a.IP)
	return token, u, err
}

// failed counts a failed sign-in against the account, locking it at the
// threshold, and returns why. A lock that has run out starts the count
// afresh, as the store does.
func (s *Service) failed(ctx context.Context, actor audit.Actor, u *records.User, now time.Time, why error) error {
	failures := u.FailedLogins
	if !u.LockedUntil.IsZero() && !u.Locked(now) {
		failures = 0
	}
	lock := s.Policy.LockedUntil(failures+1, now)
	if err := s.Store.RecordLogin(ctx, actor, u.ID, false, lock); err != nil {
		return err
	}
	if !lock.IsZero() {
		return ErrBadCredentials
	}
	return why
}

// refused audits an attempt on a locked account or an unknown name,
// rate-limited per key so that a flood cannot fill the audit log, and
// answers as a wrong password does.
func (s *Service) refused(ctx context.Context, actor audit.Actor, userID int64, key string, now time.Time) error {
	if ok, suppressed := s.audits.note(key, now); ok {
		if err := s.Store.RecordLockedAttempt(ctx, actor, userID, suppressed); err != nil {
			return err
		}
	}
	return ErrBadCredentials
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
	if err := s.scope(ctx, u); err != nil {
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

// scope fills in the subtree of the registry an office or a leader bound
// to units oversees (分级督查), once per request: the cache keeps it only
// as long as the data version, so a moved unit or a new binding counts at
// once. An unbound office or leader keeps the whole city (nil).
func (s *Service) scope(ctx context.Context, u *records.User) error {
	if (u.Role != authz.Office && u.Role != authz.Leader) || len(u.Units) == 0 {
		return nil
	}
	sub, err := s.Store.UnitSubtree(ctx, u.Units)
	if err != nil {
		return err
	}
	u.Scope = sub
	return nil
}
