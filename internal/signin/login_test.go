package signin

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// clocked opens a database of each kind whose clock, like the service's,
// is *now, for tests that move time past a lock.
func clocked(t *testing.T, f func(t *testing.T, db *store.DB, s *Service, now *time.Time)) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			now := time.Date(2026, 12, 6, 4, 0, 0, 0, time.UTC)
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return now }
			db := storetest.OpenWith(t, opts)
			s := New(db, auth.DefaultPolicy)
			s.Now = func() time.Time { return now }
			f(t, db, s, &now)
		})
	}
}

func addUser(t *testing.T, db *store.DB, name string, role authz.Role, password string) *records.User {
	t.Helper()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUser(context.Background(), audit.System, records.UserCreate{Username: name, PasswordHash: hash, Role: role})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// auditOf is the audit log's entries of exactly action, newest first.
func auditOf(t *testing.T, db *store.DB, action string) []audit.Entry {
	t.Helper()
	es, _, err := db.FindAudit(context.Background(), records.AuditFilter{Action: "auth.", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []audit.Entry
	for _, e := range es {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

// TestLockAnswersAlike: a locked account answers as a wrong password and
// as an unknown name do, even to the right password; attempts during the
// lock reach the audit log, a few and then no more; when the lock runs
// out the failure count starts afresh (one more wrong password does not
// lock again), and a good sign-in resets it.
func TestLockAnswersAlike(t *testing.T) {
	clocked(t, func(t *testing.T, db *store.DB, s *Service, now *time.Time) {
		ctx := context.Background()
		s.SetLimits(Limits{HashWorkers: 2, HashWait: time.Minute}) // this test is not about throttling
		addUser(t, db, "office", authz.Office, "Right#Pass1")
		if _, _, err := s.Login(ctx, "nobody", "x", "10.0.0.1", records.SessionAPI, "t"); !errors.Is(err, ErrBadCredentials) {
			t.Errorf("unknown name: %v", err)
		}
		for i := 0; i < s.Policy.LockThreshold; i++ {
			if _, _, err := s.Login(ctx, "office", "wrong", "10.0.0.1", records.SessionAPI, "t"); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("failure %d: %v", i+1, err)
			}
		}
		for i := 0; i < 20; i++ {
			if _, _, err := s.Login(ctx, "office", "Right#Pass1", "10.0.0.1", records.SessionAPI, "t"); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("the right password while locked: %v", err)
			}
		}
		if n := len(auditOf(t, db, "auth.login_locked")); n != 3 {
			t.Errorf("attempts during the lock audited %d times, want the burst of 3", n)
		}
		*now = now.Add(s.Policy.LockDuration + time.Second)
		if _, _, err := s.Login(ctx, "office", "wrong", "10.0.0.1", records.SessionAPI, "t"); !errors.Is(err, ErrBadCredentials) {
			t.Fatal(err)
		}
		u, _ := db.FindUserByUsername(ctx, "office")
		if u.FailedLogins != 1 || u.Locked(*now) {
			t.Errorf("after the lock ran out, one failure: count %d, locked %v", u.FailedLogins, u.Locked(*now))
		}
		if _, _, err := s.Login(ctx, "office", "Right#Pass1", "10.0.0.1", records.SessionAPI, "t"); err != nil {
			t.Fatalf("good sign-in after the lock: %v", err)
		}
		u, _ = db.FindUserByUsername(ctx, "office")
		if u.FailedLogins != 0 {
			t.Errorf("after success the count is %d", u.FailedLogins)
		}
		// One minute on, one more refused attempt is audited, carrying
		// the count of those left out.
		for i := 0; i < s.Policy.LockThreshold; i++ {
			s.Login(ctx, "office", "wrong", "10.0.0.1", records.SessionAPI, "t")
		}
		*now = now.Add(time.Minute)
		s.Login(ctx, "office", "x", "10.0.0.1", records.SessionAPI, "t")
		es := auditOf(t, db, "auth.login_locked")
		if len(es) != 4 || len(es[0].After) == 0 {
			t.Errorf("after a minute: %d entries, newest %+v", len(es), es)
		}
	})
}

// TestThrottle: one address, and one user name, get a burst of failed
// sign-ins and are then told to wait (Retry-After); a good sign-in gives
// its attempt back.
func TestThrottle(t *testing.T) {
	clocked(t, func(t *testing.T, db *store.DB, s *Service, now *time.Time) {
		ctx := context.Background()
		s.Policy.LockThreshold = 100
		s.SetLimits(Limits{HashWorkers: 2, HashWait: time.Minute, AddressPerMinute: 4, AccountPerMinute: 3})
		addUser(t, db, "zhang", authz.Leader, "Right#Pass1")
		for i := 0; i < 3; i++ {
			if _, _, err := s.Login(ctx, "zhang", "Right#Pass1", "10.0.0.9", records.SessionAPI, "t"); err != nil {
				t.Fatalf("good sign-in %d: %v", i, err)
			}
		}
		for i := 0; i < 3; i++ {
			s.Login(ctx, "zhang", "wrong", "10.0.0.1", records.SessionAPI, "t")
		}
		var busy *BusyError
		if _, _, err := s.Login(ctx, "zhang", "Right#Pass1", "10.0.0.2", records.SessionAPI, "t"); !errors.As(err, &busy) || busy.RetryAfter <= 0 {
			t.Errorf("the 4th attempt on one name: %v", err)
		}
		s.Login(ctx, "li", "wrong", "10.0.0.1", records.SessionAPI, "t")
		if _, _, err := s.Login(ctx, "wang", "wrong", "10.0.0.1", records.SessionAPI, "t"); !errors.Is(err, ErrBusy) {
			t.Errorf("the 5th attempt from one address: %v", err)
		}
		*now = now.Add(time.Minute)
		if _, _, err := s.Login(ctx, "zhang", "Right#Pass1", "10.0.0.1", records.SessionAPI, "t"); err != nil {
			t.Errorf("a minute later: %v", err)
		}
	})
}

// TestLimiterBounded: a flood of addresses never holds more buckets than
// the bound; past it the newcomers share one, still limited.
func TestLimiterBounded(t *testing.T) {
	l := newLimiter(2, 100)
	now := time.Now()
	refused := 0
	for i := 0; i < 10000; i++ {
		if ok, _ := l.take(string(rune(0x4e00+i)), now); !ok {
			refused++
		}
	}
	if l.size() > 100 {
		t.Errorf("holds %d keys", l.size())
	}
	if refused < 10000-100*2-2 {
		t.Errorf("only %d of the flood refused", refused)
	}
	later := now.Add(2 * time.Minute)
	if ok, _ := l.take("新来的", later); !ok {
		t.Error("refilled buckets were not swept for a newcomer")
	}
}

// TestHashPoolBound: no more password checks run at once than the pool
// has workers, and those past the wait are refused as busy.
func TestHashPoolBound(t *testing.T) {
	p := newHashPool(2, 50*time.Millisecond)
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	errs := make(chan error, 10)
	for i := 0; i < 10; i++ {
		go func() {
			errs <- p.do(context.Background(), func() { started <- struct{}{}; <-release })
		}()
	}
	<-started
	<-started
	busy := 0
	for i := 0; i < 8; i++ {
		if err := <-errs; errors.Is(err, ErrBusy) {
			busy++
		}
	}
	close(release)
	for i := 0; i < 2; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if p.peak.Load() != 2 || busy != 8 {
		t.Errorf("peak %d, busy %d; want 2 and 8", p.peak.Load(), busy)
	}
}
