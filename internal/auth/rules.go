package auth

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Policy is the security administrator's sign-in policy.
type Policy struct {
	MinLength       int           // characters
	MinClasses      int           // of upper, lower, digit, symbol (等保 asks for three)
	LockThreshold   int           // failed sign-ins in a row that lock the account
	LockDuration    time.Duration // how long a lock lasts
	SessionIdle     time.Duration // a web session ends after this long unused
	SessionLifetime time.Duration // and after this long in any case
	TokenLifetime   time.Duration // API tokens
	// TOTPRoles are the roles that must sign in with a second factor
	// (RFC 6238 codes); others may enrol if they wish.
	TOTPRoles []string
}

// DefaultPolicy is what duban starts with.
var DefaultPolicy = Policy{
	MinLength:       10,
	MinClasses:      3,
	LockThreshold:   5,
	LockDuration:    15 * time.Minute,
	SessionIdle:     2 * time.Hour,
	SessionLifetime: 12 * time.Hour,
	TokenLifetime:   90 * 24 * time.Hour,
	// TOTPRoles is left empty here, for the tests of other rules; serve
	// takes it from the configuration, whose default is TOTPRoles3 below.
}

// TOTPRoles3 are the roles that must use a second factor unless the
// configuration says otherwise: the three administrators (三员) and the
// office.
var TOTPRoles3 = []string{"sysadmin", "secadmin", "auditadmin", "office"}

// TOTPRequired reports whether an account of role must use a second factor.
func (p Policy) TOTPRequired(role string) bool {
	for _, r := range p.TOTPRoles {
		if r == role && role != "" {
			return true
		}
	}
	return false
}

// Password rule violations, as message keys for the catalogue.
const (
	PwTooShort     = "password.too_short"
	PwTooSimple    = "password.too_simple"
	PwHasUsername  = "password.has_username"
	PwAllSameChars = "password.all_same"
)

// CheckRules returns the message key of the first rule password breaks,
// or "" when it is acceptable.
func (p Policy) CheckRules(username, password string) string {
	if utf8.RuneCountInString(password) < p.MinLength {
		return PwTooShort
	}
	if username != "" && strings.Contains(strings.ToLower(password), strings.ToLower(username)) {
		return PwHasUsername
	}
	var upper, lower, digit, symbol bool
	first, _ := utf8.DecodeRuneInString(password)
	same := true
	for _, r := range password {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		default:
			symbol = true
		}
		if r != first {
			same = false
		}
	}
	if same {
		return PwAllSameChars
	}
	classes := 0
	for _, ok := range []bool{upper, lower, digit, symbol} {
		if ok {
			classes++
		}
	}
	if classes < p.MinClasses {
		return PwTooSimple
	}
	return ""
}

// LockedUntil returns when an account with failures failed sign-ins in a
// row, the last at now, is locked until; the zero time when it is not.
func (p Policy) LockedUntil(failures int, now time.Time) time.Time {
	if p.LockThreshold > 0 && failures >= p.LockThreshold {
		return now.Add(p.LockDuration)
	}
	return time.Time{}
}
