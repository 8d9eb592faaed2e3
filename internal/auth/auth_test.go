package auth

import (
	"strings"
	"testing"
	"time"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("Duban#2026ok")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id with the OWASP parameters", h)
	}
	for pw, want := range map[string]bool{"Duban#2026ok": true, "duban#2026ok": false, "": false} {
		ok, err := CheckPassword(h, pw)
		if err != nil || ok != want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	h2, _ := HashPassword("Duban#2026ok")
	if h2 == h {
		t.Error("two hashes of one password are equal: no salt")
	}
	if _, err := CheckPassword("$argon2id$garbage", "x"); err != ErrBadHash {
		t.Errorf("garbage hash gave %v", err)
	}
}

func TestPasswordRules(t *testing.T) {
	p := DefaultPolicy
	cases := map[string]string{
		"short1A!":       PwTooShort,
		"alllowercase1":  PwTooSimple,
		"zhangsanABC123": PwHasUsername,
		"aaaaaaaaaaaa":   PwAllSameChars,
		"Duban#2026ok":   "",
		"督办系统Abc12345":   "",
	}
	for pw, want := range cases {
		if got := p.CheckRules("zhangsan", pw); got != want {
			t.Errorf("CheckRules(%q) = %q, want %q", pw, got, want)
		}
	}
}

func TestLockout(t *testing.T) {
	p := DefaultPolicy
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	if !p.LockedUntil(4, now).IsZero() {
		t.Error("locked after 4 failures")
	}
	if got := p.LockedUntil(5, now); !got.Equal(now.Add(15 * time.Minute)) {
		t.Errorf("LockedUntil(5) = %v", got)
	}
}

func TestTokens(t *testing.T) {
	a, _ := NewToken()
	b, _ := NewToken()
	if a == b || len(a) < 40 || TokenHash(a) == a || len(TokenHash(a)) != 64 {
		t.Errorf("tokens %q %q hash %q", a, b, TokenHash(a))
	}
}
