package cryptosuite

import (
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/emmansun/gmsm/sm4"
)

func testKey(t testing.TB, s string) []byte {
	t.Helper()
	k, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestSM3Vector checks the chain hash of the GM suite against the example
// of GB/T 32905-2016 (A.1): SM3("abc").
func TestSM3Vector(t *testing.T) {
	s, err := New(NameGM, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := s.NewHash()
	h.Write([]byte("abc"))
	if got, want := hex.EncodeToString(h.Sum(nil)), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"; got != want {
		t.Fatalf("SM3(abc) = %s, want %s", got, want)
	}
	d := Default().NewHash()
	d.Write([]byte("abc"))
	if got := hex.EncodeToString(d.Sum(nil)); got != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" {
		t.Fatalf("default chain hash is no longer SHA-256: %s", got)
	}
}

// TestSM4Vector checks the block cipher under SM4-GCM against the example
// of GB/T 32907-2016 (A.1).
func TestSM4Vector(t *testing.T) {
	k := testKey(t, "0123456789abcdeffedcba9876543210")
	b, err := sm4.NewCipher(k)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]byte, 16)
	b.Encrypt(out, k)
	if got := hex.EncodeToString(out); got != "681edf34d206965e86b3e94f536e4246" {
		t.Fatalf("SM4 = %s", got)
	}
}

func TestGMSealOpen(t *testing.T) {
	s, err := New(NameGM, testKey(t, "00112233445566778899aabbccddeeff"))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Encrypts() || s.Name() != NameGM {
		t.Fatalf("gm suite: %s encrypts=%v", s.Name(), s.Encrypts())
	}
	const phone = "13800138000"
	a, err := s.Seal("caller_phone", phone)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Seal("caller_phone", phone)
	if a == b || strings.Contains(a, phone) || !strings.HasPrefix(a, sealedPrefix) {
		t.Fatalf("sealed %q and %q: each seal must be fresh and opaque", a, b)
	}
	if got, err := s.Open("caller_phone", a); err != nil || got != phone {
		t.Fatalf("open = %q, %v", got, err)
	}
	if got, err := s.Seal("caller_name", ""); err != nil || got != "" {
		t.Fatalf("empty sealed as %q, %v", got, err)
	}
	// Moved to another column, altered, or opened with another key: refused.
	if _, err := s.Open("caller_name", a); err == nil {
		t.Error("a phone moved into the name column opened")
	}
	altered := a[:len(a)-2] + "AA"
	if altered == a {
		altered = a[:len(a)-2] + "BB"
	}
	if _, err := s.Open("caller_phone", altered); err == nil {
		t.Error("an altered ciphertext opened")
	}
	if _, err := s.Open("caller_phone", phone); err == nil {
		t.Error("a clear value was taken for a sealed one")
	}
	other, _ := New(NameGM, testKey(t, "ffeeddccbbaa99887766554433221100"))
	if _, err := other.Open("caller_phone", a); err == nil {
		t.Error("opened with another key")
	}
	// The index is keyed, per column and stable.
	if i := s.Index("caller_phone", phone); i != s.Index("caller_phone", phone) || i == s.Index("applicant_phone", phone) ||
		i == other.Index("caller_phone", phone) || len(i) != 64 || s.Index("caller_phone", "") != "" {
		t.Errorf("index %q is not a keyed, per-column digest", i)
	}
	// Without the key it hashes but neither seals nor opens.
	nokey, _ := New(NameGM, nil)
	if _, err := nokey.Seal("caller_phone", phone); !errors.Is(err, ErrNoKey) {
		t.Errorf("seal without key: %v", err)
	}
	if _, err := nokey.Open("caller_phone", a); !errors.Is(err, ErrNoKey) {
		t.Errorf("open without key: %v", err)
	}
}

func TestDefaultKeepsDataAsIs(t *testing.T) {
	s, err := New("", nil)
	if err != nil || s.Name() != NameDefault || s.Encrypts() {
		t.Fatalf("default suite: %v %v", s, err)
	}
	if got, _ := s.Seal("caller_phone", "13800138000"); got != "13800138000" {
		t.Errorf("default sealed %q", got)
	}
	if got, _ := s.Open("caller_phone", "13800138000"); got != "13800138000" {
		t.Errorf("default opened %q", got)
	}
	if s.Index("caller_phone", "13800138000") != "" {
		t.Error("the default keeps no index")
	}
	if _, err := New("sm9", nil); err == nil {
		t.Error("unknown suite accepted")
	}
	if _, err := New(NameGM, []byte("short")); err == nil {
		t.Error("short key accepted")
	}
}

func TestKeyFile(t *testing.T) {
	dir := t.TempDir()
	k, err := NewKey()
	if err != nil || len(k) != 2*KeySize {
		t.Fatalf("NewKey = %q, %v", k, err)
	}
	good := filepath.Join(dir, "sm4.key")
	if err := os.WriteFile(good, []byte(k+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ReadKeyFile(good)
	if err != nil || hex.EncodeToString(got) != k {
		t.Fatalf("ReadKeyFile = %x, %v", got, err)
	}
	bad := filepath.Join(dir, "bad.key")
	os.WriteFile(bad, []byte("not a key"), 0o600)
	if _, err := ReadKeyFile(bad); err == nil || !strings.Contains(err.Error(), "32") {
		t.Errorf("malformed key: %v", err)
	}
	if _, err := ReadKeyFile(filepath.Join(dir, "missing")); err == nil {
		t.Error("missing key file accepted")
	}
	if runtime.GOOS != "windows" {
		open := filepath.Join(dir, "open.key")
		os.WriteFile(open, []byte(k), 0o644)
		if _, err := ReadKeyFile(open); err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("world-readable key: %v", err)
		}
	}
}

// BenchmarkGMSeal is the cost of sealing one phone number.
func BenchmarkGMSeal(b *testing.B) {
	s, _ := New(NameGM, testKey(b, "00112233445566778899aabbccddeeff"))
	for b.Loop() {
		if _, err := s.Seal("caller_phone", "13800138000"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGMOpen is the cost of opening one sealed phone number, which a
// ticket list pays for each of its three personal columns per row.
func BenchmarkGMOpen(b *testing.B) {
	s, _ := New(NameGM, testKey(b, "00112233445566778899aabbccddeeff"))
	sealed, _ := s.Seal("caller_phone", "13800138000")
	for b.Loop() {
		if _, err := s.Open("caller_phone", sealed); err != nil {
			b.Fatal(err)
		}
	}
}
