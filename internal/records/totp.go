package records

// TOTP is an account's second factor as the store keeps it: the base32
// secret ("" when never enrolled), whether a code has confirmed it, the
// last time step that signed in (a code is taken once), and how many
// recovery codes are left unused.
type TOTP struct {
	Secret        string
	Enabled       bool
	LastStep      int64
	RecoveryCodes int
}
