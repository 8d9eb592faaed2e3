package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/subtle"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// TOTP parameters (RFC 6238 with the defaults every authenticator app
// understands): HMAC-SHA-1, 6 digits, 30-second steps, and one step of
// drift either way for a phone clock that is a little off.
const (
	TOTPDigits = 6
	TOTPPeriod = 30 * time.Second
	TOTPSkew   = 1
	// TOTPSecretLen is the secret's length in bytes: 160 bits, as RFC 4226
	// recommends for HMAC-SHA-1.
	TOTPSecretLen = 20
	// RecoveryCodes is how many single-use recovery codes an enrolment
	// hands out.
	RecoveryCodes = 10
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewTOTPSecret returns a fresh random secret, base32 without padding as
// authenticator apps take it.
func NewTOTPSecret() (string, error) {
	b := make([]byte, TOTPSecretLen)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: totp secret: %w", err)
	}
	return b32.EncodeToString(b), nil
}

// HOTP is RFC 4226's one-time password of key at counter, with digits
// digits (HMAC-SHA-1, dynamic truncation).
func HOTP(key []byte, counter uint64, digits int) string {
	mac := hmac.New(sha1.New, key)
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], counter)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	off := sum[len(sum)-1] & 0x0f
	bin := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, bin%mod)
}

// TOTPStep is the time step that t falls in.
func TOTPStep(t time.Time) int64 { return t.Unix() / int64(TOTPPeriod/time.Second) }

// CheckTOTP reports whether code is secret's password at now or one step
// either side, and which step matched, so that the caller can refuse the
// same step twice (a code seen over a shoulder is spent once used).
func CheckTOTP(secret, code string, now time.Time) (step int64, ok bool) {
	key, err := b32.DecodeString(strings.ToUpper(strings.TrimSpace(secret)))
	code = strings.TrimSpace(code)
	if err != nil || len(key) == 0 || len(code) != TOTPDigits {
		return 0, false
	}
	cur := TOTPStep(now)
	for d := int64(-TOTPSkew); d <= TOTPSkew; d++ {
		s := cur + d
		if s < 0 {
			continue
		}
		if subtle.ConstantTimeCompare([]byte(HOTP(key, uint64(s), TOTPDigits)), []byte(code)) == 1 {
			return s, true
		}
	}
	return 0, false
}

// TOTPURI is the otpauth:// address an authenticator app reads (by QR
// code or pasted): the issuer and account label it shows, the secret and
// the parameters.
func TOTPURI(issuer, account, secret string) string {
	label := url.PathEscape(issuer) + ":" + url.PathEscape(account)
	q := url.Values{}
	q.Set("secret", secret)
	q.Set("issuer", issuer)
	q.Set("algorithm", "SHA1")
	q.Set("digits", fmt.Sprint(TOTPDigits))
	q.Set("period", fmt.Sprint(int(TOTPPeriod/time.Second)))
	return "otpauth://totp/" + label + "?" + q.Encode()
}

// GroupSecret writes secret in groups of four, for typing it by hand.
func GroupSecret(secret string) string {
	var b strings.Builder
	for i, r := range secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// recoveryAlphabet leaves out the letters and digits people confuse
// (0/O, 1/I/L).
const recoveryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

// NewRecoveryCodes returns n single-use recovery codes of ten characters
// (about 50 bits each), written xxxxx-xxxxx. Only their hashes
// (RecoveryCodeHash) are stored.
func NewRecoveryCodes(n int) ([]string, error) {
	out := make([]string, n)
	buf := make([]byte, 10)
	for i := range out {
		if _, err := rand.Read(buf); err != nil {
			return nil, fmt.Errorf("auth: recovery codes: %w", err)
		}
		var b strings.Builder
		for j, c := range buf {
			if j == 5 {
				b.WriteByte('-')
			}
			b.WriteByte(recoveryAlphabet[int(c)%len(recoveryAlphabet)])
		}
		out[i] = b.String()
	}
	return out, nil
}

// RecoveryCodeHash is the stored form of a recovery code, read leniently:
// case, spaces and the hyphen do not matter.
func RecoveryCodeHash(code string) string {
	c := strings.ToUpper(code)
	c = strings.NewReplacer("-", "", " ", "").Replace(c)
	return TokenHash("recovery:" + c)
}

// LooksLikeRecoveryCode tells a recovery code from a six-digit TOTP code.
func LooksLikeRecoveryCode(code string) bool {
	c := strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(code))
	return len(c) == 10
}
