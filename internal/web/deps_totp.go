package web

import "context"

// TOTP is the signed-in user's second factor (RFC 6238 codes from an
// authenticator app), read from the request's context.
type TOTP interface {
	// Status is the user's second factor as it stands.
	Status(ctx context.Context) (TOTPStatus, error)
	// Start begins an enrolment with a fresh secret.
	Start(ctx context.Context) error
	// Confirm turns the pending enrolment on with a code from the app
	// and returns the recovery codes, shown once; a wrong code is a
	// *ValidationError at field "code".
	Confirm(ctx context.Context, code string) ([]string, error)
}

// TOTPStatus is what the enrolment page shows.
type TOTPStatus struct {
	Required      bool // the user's role must use a second factor
	Enabled       bool
	RecoveryCodes int // unused recovery codes left
	// A begun enrolment: the otpauth:// address and the secret in groups
	// of four; empty when none is pending.
	URI     string
	Grouped string
}
