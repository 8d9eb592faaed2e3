package signin

import (
	"context"
	"encoding/base32"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
)

// codeAt is what an authenticator app shows for secret at t.
func codeAt(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil {
		t.Fatal(err)
	}
	return auth.HOTP(key, uint64(auth.TOTPStep(at)), auth.TOTPDigits)
}

// TestTOTPEnrolAndSignIn: the office must enrol; a wrong code does not
// confirm; the right one does and yields ten recovery codes once. Then a
// sign-in needs a code: none is totp_required, a wrong one counts as a
// failure, the right one works once per step, and a recovery code works
// once. The enrolment is audited, never the secret.
func TestTOTPEnrolAndSignIn(t *testing.T) {
	clocked(t, func(t *testing.T, db *store.DB, s *Service, now *time.Time) {
		ctx := context.Background()
		s.SetLimits(Limits{HashWorkers: 2, HashWait: time.Minute})
		s.Policy.TOTPRoles = auth.TOTPRoles3
		addUser(t, db, "office", authz.Office, "Right#Pass1")
		addUser(t, db, "leader", authz.Leader, "Right#Pass1")
		_, u, err := s.Login(ctx, "office", "Right#Pass1", "10.0.0.1", records.SessionWeb, "t")
		if err != nil || !s.EnrolmentPending(u) {
			t.Fatalf("first sign-in of the office: %v, pending %v", err, s.EnrolmentPending(u))
		}
		_, l, _ := s.Login(ctx, "leader", "Right#Pass1", "10.0.0.1", records.SessionWeb, "t")
		if s.EnrolmentPending(l) {
			t.Error("a leader is made to enrol")
		}
		actor := audit.Actor{ID: u.ID, Username: u.Username}
		if _, err := s.ConfirmTOTP(ctx, actor, u, "123456"); fault.CodeOf(err) != fault.State {
			t.Errorf("confirm before start: %v", err)
		}
		en, err := s.StartTOTP(ctx, actor, u)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := url.Parse(en.URI)
		if q.Query().Get("secret") != en.Secret || strings.ReplaceAll(en.Grouped, " ", "") != en.Secret {
			t.Errorf("enrolment %+v", en)
		}
		if pend, ok, err := s.PendingTOTP(ctx, u); !ok || err != nil || pend.Secret != en.Secret {
			t.Errorf("pending %+v %v %v", pend, ok, err)
		}
		wrong := codeAt(t, en.Secret, now.Add(-5*time.Minute))
		if _, err := s.ConfirmTOTP(ctx, actor, u, wrong); fault.As(err) == nil || fault.As(err).Fields["code"] != KeyTOTPCodeWrong {
			t.Errorf("a stale code confirmed: %v", err)
		}
		codes, err := s.ConfirmTOTP(ctx, actor, u, codeAt(t, en.Secret, *now))
		if err != nil || len(codes) != 10 {
			t.Fatalf("confirm: %v %d", err, len(codes))
		}
		u, _ = db.FindUserByID(ctx, u.ID)
		if !u.TOTPEnabled || s.EnrolmentPending(u) {
			t.Fatal("not enabled after confirming")
		}
		if _, err := s.StartTOTP(ctx, actor, u); fault.CodeOf(err) != fault.Conflict {
			t.Errorf("starting over when enrolled: %v", err)
		}
		for _, e := range auditOf(t, db, "auth.totp_start") {
			if strings.Contains(string(e.After), en.Secret) {
				t.Error("the secret is in the audit log")
			}
		}
		if len(auditOf(t, db, "auth.totp_enable")) != 1 {
			t.Error("enabling not audited")
		}

		signIn := func(code string) error {
			_, _, err := s.SignIn(ctx, Attempt{Username: "office", Password: "Right#Pass1", Code: code, IP: "10.0.0.1", Kind: records.SessionAPI, Name: "t"})
			return err
		}
		if err := signIn(""); !errors.Is(err, ErrTOTPRequired) {
			t.Errorf("no code: %v", err)
		}
		// The code that confirmed is spent.
		if err := signIn(codeAt(t, en.Secret, *now)); !errors.Is(err, ErrTOTPInvalid) {
			t.Errorf("the confirming code again: %v", err)
		}
		*now = now.Add(30 * time.Second)
		good := codeAt(t, en.Secret, *now)
		if err := signIn(good); err != nil {
			t.Errorf("the right code: %v", err)
		}
		if err := signIn(good); !errors.Is(err, ErrTOTPInvalid) {
			t.Errorf("the same code twice: %v", err)
		}
		if _, _, err := s.SignIn(ctx, Attempt{Username: "office", Password: "wrong", Code: codeAt(t, en.Secret, *now)}); !errors.Is(err, ErrBadCredentials) {
			t.Errorf("a code with a wrong password: %v", err)
		}
		if err := signIn(strings.ToLower(codes[3])); err != nil {
			t.Errorf("a recovery code: %v", err)
		}
		if err := signIn(codes[3]); !errors.Is(err, ErrTOTPInvalid) {
			t.Errorf("a recovery code twice: %v", err)
		}
		if st, _ := s.TOTPStatus(ctx, u); st.RecoveryCodes != 9 {
			t.Errorf("%d recovery codes left", st.RecoveryCodes)
		}
		used := auditOf(t, db, "auth.recovery_code_used")
		if len(used) != 1 || !strings.Contains(string(used[0].After), `"left":9`) {
			t.Errorf("recovery code use audited as %+v", used)
		}
		u, _ = db.FindUserByID(ctx, u.ID)
		if u.FailedLogins != 1 {
			t.Errorf("a spent recovery code after a good sign-in left %d failures, want 1", u.FailedLogins)
		}
	})
}

// TestPasswordBeforeEnrolment: an account still on a one-time password
// changes it before it is asked for a second factor, so that whoever
// enrols is the person who alone knows the password.
func TestPasswordBeforeEnrolment(t *testing.T) {
	p := auth.DefaultPolicy
	p.TOTPRoles = auth.TOTPRoles3
	s := &Service{Policy: p}
	u := &records.User{Role: authz.Office, MustChangePassword: true}
	if s.EnrolmentPending(u) {
		t.Error("asked for a second factor before the one-time password was changed")
	}
	u.MustChangePassword = false
	if !s.EnrolmentPending(u) {
		t.Error("an office account without a second factor may go on")
	}
	u.TOTPEnabled = true
	if s.EnrolmentPending(u) {
		t.Error("an enrolled account asked to enrol again")
	}
}
