package signin

import (
	"context"
	"fmt"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/records"
)

// Enrolment is a second factor waiting for its first code: the otpauth://
// address an authenticator app reads and the secret to type by hand.
type Enrolment struct {
	URI     string
	Secret  string
	Grouped string // the secret in groups of four
}

// Keys of the refusals below, in the catalogue.
const (
	KeyTOTPEnabled   = "totp.already_enabled"
	KeyTOTPNotBegun  = "totp.not_started"
	KeyTOTPCodeWrong = "totp.code_invalid"
)

// EnrolmentPending reports whether u must set up a second factor before
// doing anything else: their role requires one and none is confirmed.
// A one-time password is changed first (the password gate holds the
// account to that), so the enrolment that follows is done by the person
// who now alone knows the password.
func (s *Service) EnrolmentPending(u *records.User) bool {
	return u != nil && !u.MustChangePassword && !u.TOTPEnabled && s.Policy.TOTPRequired(string(u.Role))
}

// TOTPRequired reports whether u's role must sign in with a second factor.
func (s *Service) TOTPRequired(u *records.User) bool {
	return u != nil && s.Policy.TOTPRequired(string(u.Role))
}

// TOTPStatus is u's second factor as it stands.
func (s *Service) TOTPStatus(ctx context.Context, u *records.User) (records.TOTP, error) {
	t, err := s.Store.FindTOTP(ctx, u.ID)
	if err != nil {
		return records.TOTP{}, fmt.Errorf("signin: totp: %w", err)
	}
	return t, nil
}

// PendingTOTP is the enrolment u has begun and not confirmed, if any.
func (s *Service) PendingTOTP(ctx context.Context, u *records.User) (Enrolment, bool, error) {
	t, err := s.TOTPStatus(ctx, u)
	if err != nil || t.Enabled || t.Secret == "" {
		return Enrolment{}, false, err
	}
	return s.enrolment(u, t.Secret), true, nil
}

// StartTOTP begins (or begins again) u's enrolment with a fresh secret.
// An account whose second factor is confirmed cannot start over by
// itself: that would let a stolen session replace it.
func (s *Service) StartTOTP(ctx context.Context, actor audit.Actor, u *records.User) (Enrolment, error) {
	if u.TOTPEnabled {
		return Enrolment{}, fault.New(fault.Conflict, KeyTOTPEnabled)
	}
	secret, err := auth.NewTOTPSecret()
	if err != nil {
		return Enrolment{}, err
	}
	if err := s.Store.StartTOTP(ctx, actor, u.ID, secret); err != nil {
		if fault.CodeOf(err) == fault.Conflict {
			return Enrolment{}, fault.Wrap(fault.Conflict, KeyTOTPEnabled, err)
		}
		return Enrolment{}, fmt.Errorf("signin: start totp: %w", err)
	}
	return s.enrolment(u, secret), nil
}

// ConfirmTOTP turns on u's pending second factor with a code from the
// app, and returns the recovery codes: shown this once, stored hashed.
func (s *Service) ConfirmTOTP(ctx context.Context, actor audit.Actor, u *records.User, code string) ([]string, error) {
	t, err := s.TOTPStatus(ctx, u)
	if err != nil {
		return nil, err
	}
	if t.Enabled {
		return nil, fault.New(fault.Conflict, KeyTOTPEnabled)
	}
	if t.Secret == "" {
		return nil, fault.New(fault.State, KeyTOTPNotBegun)
	}
	step, ok := auth.CheckTOTP(t.Secret, code, s.Now())
	if !ok {
		return nil, fault.Field("code", KeyTOTPCodeWrong)
	}
	codes, err := auth.NewRecoveryCodes(auth.RecoveryCodes)
	if err != nil {
		return nil, err
	}
	hashes := make([]string, len(codes))
	for i, c := range codes {
		hashes[i] = auth.RecoveryCodeHash(c)
	}
	if err := s.Store.ConfirmTOTP(ctx, actor, u.ID, step, hashes); err != nil {
		if fault.CodeOf(err) == fault.Conflict {
			return nil, fault.Wrap(fault.Conflict, KeyTOTPEnabled, err)
		}
		return nil, fmt.Errorf("signin: confirm totp: %w", err)
	}
	return codes, nil
}

// checkCode takes a sign-in's second factor: a six-digit code of a step
// not used before, or an unused recovery code, which is then spent.
func (s *Service) checkCode(ctx context.Context, actor audit.Actor, u *records.User, code string, now time.Time) (bool, error) {
	if auth.LooksLikeRecoveryCode(code) {
		return s.Store.UseRecoveryCode(ctx, actor, u.ID, auth.RecoveryCodeHash(code))
	}
	t, err := s.Store.FindTOTP(ctx, u.ID)
	if err != nil {
		return false, err
	}
	step, ok := auth.CheckTOTP(t.Secret, code, now)
	if !ok || step <= t.LastStep {
		return false, nil
	}
	return s.Store.UseTOTPStep(ctx, u.ID, step)
}

func (s *Service) enrolment(u *records.User, secret string) Enrolment {
	return Enrolment{URI: auth.TOTPURI(s.Issuer, u.Username, secret), Secret: secret, Grouped: auth.GroupSecret(secret)}
}
