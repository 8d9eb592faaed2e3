package audit

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fixedSigner is a key whose seed is 32 bytes of 7.
func fixedSigner(t *testing.T) *Signer {
	t.Helper()
	s, err := ParseSigningKey([]byte(hex.EncodeToString(bytes.Repeat([]byte{7}, 32)) + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSignedBytes pins what is signed and the signature a fixed key makes
// of it. The purge summary's signature was checked independently with
// Python's cryptography (OpenSSL): Ed25519PrivateKey.from_private_bytes(
// bytes([7])*32).sign(<the bytes below>) gives the same hex.
func TestSignedBytes(t *testing.T) {
	s := fixedSigner(t)
	if got := s.Public(); got != "ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c" {
		t.Errorf("public key %s", got)
	}
	p := s.SignPurge(Purge{From: 1, To: 3, Count: 3, LastHash: "ab12", Before: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)})
	const purgeBytes = `{"from":1,"to":3,"count":3,"last_hash":"ab12","before":"2025-03-01T09:00:00Z"}`
	const purgeSig = "b8c09a338f7a47ca81583310363359d182399e40284c02fdfb2f73acaa823fe051317a24ca9721516d1cde954414a9c8bf2402b3f578de555d631954d7bf2406"
	if got := string(p.SignedBytes()); got != purgeBytes {
		t.Errorf("purge signed bytes\n got %s\nwant %s", got, purgeBytes)
	}
	if p.Sig != purgeSig {
		t.Errorf("purge signature %s", p.Sig)
	}
	c := s.SignCheckpoint(Checkpoint{Kind: KindPurge, Seq: 4, Hash: "cd34", At: time.Date(2025, 3, 31, 9, 0, 0, 500, time.UTC), Purge: &p, Line: 9})
	const lineBytes = `{"kind":"purge","seq":4,"hash":"cd34","at":"2025-03-31T09:00:00.0000005Z","purge":{"from":1,"to":3,"count":3,"last_hash":"ab12","before":"2025-03-01T09:00:00Z","sig":"` + purgeSig + `"}}`
	if got := string(c.SignedBytes()); got != lineBytes {
		t.Errorf("line signed bytes\n got %s\nwant %s", got, lineBytes)
	}
	if c.Sig != "7572422004f2b0c10db40b69ba6f33c2a338e6c94bcdee646e3e9a20521fb7696eba631d13c2b7ff565ec69cd221bdf54345107b645dcefb50145563ff477a04" {
		t.Errorf("line signature %s", c.Sig)
	}
	var nobody *Signer
	if got := nobody.SignCheckpoint(Checkpoint{Kind: KindCheckpoint, Seq: 1}); got.Sig != "" {
		t.Errorf("no key signed: %+v", got)
	}
	for _, bad := range []string{"", "07", strings.Repeat("zz", 32), strings.Repeat("07", 33)} {
		if _, err := ParseSigningKey([]byte(bad)); err == nil || !strings.Contains(err.Error(), "64 hexadecimal digits") {
			t.Errorf("key %q: %v", bad, err)
		}
	}
}

// TestVerifySignatures writes signed lines to a real file, reads them back
// and checks them: they verify; a line edited by hand (its count or its
// hash changed, the signature kept), a line without a signature, and a
// purge line forged with another key are each reported by line number.
func TestVerifySignatures(t *testing.T) {
	s := fixedSigner(t)
	pub, err := ParsePublicKey(s.Public())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 3, 31, 9, 0, 0, 0, time.UTC)
	p := s.SignPurge(Purge{From: 1, To: 3, Count: 3, LastHash: "ab12", Before: at.AddDate(0, 0, -30)})
	signed := []Checkpoint{
		s.SignCheckpoint(Checkpoint{Kind: KindCheckpoint, Seq: 3, Hash: "ab12", At: at}),
		s.SignCheckpoint(Checkpoint{Kind: KindPurge, Seq: 4, Hash: "cd34", At: at, Purge: &p}),
	}
	mallory, _ := ParseSigningKey([]byte(strings.Repeat("66", 32)))
	fp := mallory.SignPurge(Purge{From: 1, To: 9, Count: 9, LastHash: "ef56", Before: at})
	cases := []struct {
		name  string
		edit  func(lines []string) []string
		found string // "" for none
	}{
		{"signed lines", func(l []string) []string { return l }, ""},
		{"count edited", func(l []string) []string {
			l[1] = strings.Replace(l[1], `"count":3`, `"count":2`, 1)
			return l
		}, "第 2 行签名不符"},
		{"hash edited", func(l []string) []string {
			l[0] = strings.Replace(l[0], `"hash":"ab12"`, `"hash":"ab13"`, 1)
			return l
		}, "第 1 行签名不符"},
		{"unsigned line", func(l []string) []string {
			return append(l, `{"kind":"checkpoint","seq":5,"hash":"aa","at":"2025-04-01T00:00:00Z"}`)
		}, "第 3 行没有签名"},
		{"purge forged with another key", func(l []string) []string {
			c := mallory.SignCheckpoint(Checkpoint{Kind: KindPurge, Seq: 10, Hash: "ff", At: at, Purge: &fp})
			return append(l, string(must(t, c)))
		}, "第 3 行签名不符"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "cp")
			for _, c := range signed {
				if err := AppendCheckpoint(file, c); err != nil {
					t.Fatal(err)
				}
			}
			data, _ := os.ReadFile(file)
			lines := tc.edit(strings.Split(strings.TrimSpace(string(data)), "\n"))
			if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			f, _ := os.Open(file)
			cps, err := ReadCheckpoints(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			problems := VerifySignatures(cps, pub)
			if tc.found == "" {
				if len(problems) != 0 {
					t.Errorf("signed lines: %v", problems)
				}
				return
			}
			if len(problems) == 0 || !strings.Contains(problems[0].Reason, tc.found) {
				t.Errorf("want %q, got %v", tc.found, problems)
			}
		})
	}
}

// TestVerifyPurgeSignatures: a purge summary entry must carry the key's
// signature of what it says was purged; one rewritten (to claim more) or
// unsigned is reported.
func TestVerifyPurgeSignatures(t *testing.T) {
	s := fixedSigner(t)
	pub, _ := ParsePublicKey(s.Public())
	p := s.SignPurge(Purge{From: 1, To: 3, Count: 3, LastHash: "ab12", Before: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)})
	entry := func(p Purge) Entry { return Entry{Seq: 4, Action: PurgeAction, After: string(must(t, p))} }
	claimMore := p
	claimMore.To, claimMore.Count = 9, 9
	unsigned := p
	unsigned.Sig = ""
	if got := VerifyPurgeSignatures([]Entry{entry(p), {Seq: 5, Action: "unit.create"}}, pub); len(got) != 0 {
		t.Errorf("signed summary: %v", got)
	}
	for name, e := range map[string]Entry{"rewritten": entry(claimMore), "unsigned": entry(unsigned)} {
		if got := VerifyPurgeSignatures([]Entry{e}, pub); len(got) != 1 || got[0].Seq != 4 {
			t.Errorf("%s summary: %v", name, got)
		}
	}
}

func must(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
