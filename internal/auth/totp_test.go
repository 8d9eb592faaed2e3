package auth

import (
	"encoding/base32"
	"net/url"
	"strings"
	"testing"
	"time"
)

// rfcSecret is the SHA-1 key of RFC 6238's Appendix B.
var rfcSecret = []byte("12345678901234567890")

// TestTOTPVectors: the SHA-1 rows of RFC 6238 Appendix B, as 8 digits
// through HOTP, and as the 6 digits duban asks for through CheckTOTP.
func TestTOTPVectors(t *testing.T) {
	secret := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(rfcSecret)
	for _, v := range []struct {
		unix int64
		want string
	}{
		{59, "94287082"},
		{1111111109, "07081804"},
		{1111111111, "14050471"},
		{1234567890, "89005924"},
		{2000000000, "69279037"},
		{20000000000, "65353130"},
	} {
		at := time.Unix(v.unix, 0).UTC()
		if got := HOTP(rfcSecret, uint64(TOTPStep(at)), 8); got != v.want {
			t.Errorf("T=%d: HOTP %s, want %s", v.unix, got, v.want)
		}
		six := v.want[2:]
		step, ok := CheckTOTP(secret, six, at)
		if !ok || step != TOTPStep(at) {
			t.Errorf("T=%d: CheckTOTP(%s) = %d %v", v.unix, six, step, ok)
		}
	}
}

// TestTOTPWindow: one step of drift either way is accepted, two are not,
// and a code of the wrong shape never is.
func TestTOTPWindow(t *testing.T) {
	secret, err := NewTOTPSecret()
	if err != nil {
		t.Fatal(err)
	}
	key, _ := b32.DecodeString(secret)
	now := time.Date(2026, 12, 6, 4, 0, 10, 0, time.UTC)
	cur := TOTPStep(now)
	for d, want := range map[int64]bool{-2: false, -1: true, 0: true, 1: true, 2: false} {
		code := HOTP(key, uint64(cur+d), TOTPDigits)
		step, ok := CheckTOTP(secret, code, now)
		if ok != want || (ok && step != cur+d) {
			t.Errorf("drift %d: %d %v, want %v", d, step, ok, want)
		}
	}
	for _, bad := range []string{"", "12345", "1234567", "abcdef"} {
		if _, ok := CheckTOTP(secret, bad, now); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestTOTPURI: the address an authenticator app reads carries the secret,
// issuer and parameters; the secret is shown in groups of four.
func TestTOTPURI(t *testing.T) {
	u, err := url.Parse(TOTPURI("督办", "office", "JBSWY3DPEHPK3PXP"))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if u.Scheme != "otpauth" || u.Host != "totp" || u.Path != "/督办:office" || q.Get("secret") != "JBSWY3DPEHPK3PXP" ||
		q.Get("issuer") != "督办" || q.Get("digits") != "6" || q.Get("period") != "30" || q.Get("algorithm") != "SHA1" {
		t.Errorf("uri %s", u)
	}
	if g := GroupSecret("JBSWY3DPEHPK3PXP"); g != "JBSW Y3DP EHPK 3PXP" {
		t.Errorf("grouped %q", g)
	}
}

// TestRecoveryCodes: ten distinct codes, read back however they are typed.
func TestRecoveryCodes(t *testing.T) {
	codes, err := NewRecoveryCodes(RecoveryCodes)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if len(c) != 11 || c[5] != '-' || seen[c] || !LooksLikeRecoveryCode(c) {
			t.Errorf("code %q", c)
		}
		seen[c] = true
	}
	c := codes[0]
	typed := strings.ToLower(strings.ReplaceAll(c, "-", " "))
	if RecoveryCodeHash(typed) != RecoveryCodeHash(c) || RecoveryCodeHash(codes[1]) == RecoveryCodeHash(c) {
		t.Error("recovery code hashes")
	}
	if LooksLikeRecoveryCode("123456") {
		t.Error("a TOTP code taken for a recovery code")
	}
}
