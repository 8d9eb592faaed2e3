package cli

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/store/storetest"
)

// TestKeygenAuditSigning: `duban keygen --audit-signing FILE` writes an
// Ed25519 seed readable by its owner only and prints the public key that
// verifies what the key signs; it never overwrites.
func TestKeygenAuditSigning(t *testing.T) {
	file := filepath.Join(t.TempDir(), "audit.key")
	pub := keygenSigning(t, file)
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
	b, _ := os.ReadFile(file)
	s, err := audit.ParseSigningKey(b)
	if err != nil || s.Public() != pub {
		t.Fatalf("the key file's public key %v, printed %s (%v)", s, pub, err)
	}
	if code, _, errOut := runMain(t, "keygen", "--audit-signing", file); code == 0 || !strings.Contains(errOut, "不会覆盖") {
		t.Errorf("second keygen over the key: exit %d %s", code, errOut)
	}
}

// keygenSigning runs keygen --audit-signing and returns the printed
// public key (the output's last line).
func keygenSigning(t *testing.T, file string) string {
	t.Helper()
	code, out, errOut := runMain(t, "keygen", "--audit-signing", file)
	if code != 0 || !strings.Contains(out, "audit_signing_key_file: "+file) {
		t.Fatalf("keygen --audit-signing: exit %d %s %s", code, out, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	pub := lines[len(lines)-1]
	if _, err := audit.ParsePublicKey(pub); err != nil {
		t.Fatalf("printed public key %q: %v", pub, err)
	}
	return pub
}

// TestAuditSignedCheckpoints, on real SQLite and PostgreSQL databases:
// with audit_signing_key_file set, `audit checkpoint` and `audit purge`
// write signed lines and the purge summary entry carries the purge line's
// summary signature; `audit verify --checkpoints --public-key` (the key as
// hex or as a file) passes, and without --public-key passes as before and
// says signatures were not checked. Then, each on a fresh copy of the
// file: a purge line whose count was edited and a checkpoint line whose
// hash was edited (signatures kept), an unsigned line and a purge line
// forged with another key fail with the key, naming the line; verify with
// the wrong key fails on every line. A key file others may read is
// refused.
func TestAuditSignedCheckpoints(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			opts := storetest.Options(t, kind)
			now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
			opts.Now = func() time.Time { return now }
			db := storetest.OpenWith(t, opts)
			keys := t.TempDir()
			key := filepath.Join(keys, "audit.key")
			pub := keygenSigning(t, key)
			pubFile := filepath.Join(keys, "audit.pub")
			if err := os.WriteFile(pubFile, []byte(pub+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cps := filepath.Join(t.TempDir(), "audit.checkpoints")
			args := append([]string{"--audit-checkpoint-file", cps, "--audit-signing-key-file", key}, dbArgs(opts)...)

			addUnits(t, db, "市财政局", "市法制办", "市编委办") // #1–#3, old
			now = time.Now().UTC()
			addUnits(t, db, "市人力社保局") // #4, new
			if code, _, errOut := runMain(t, append([]string{"audit", "checkpoint"}, args...)...); code != 0 {
				t.Fatalf("checkpoint: %s", errOut)
			}
			if code, out, errOut := runMain(t, append([]string{"audit", "purge", "--audit-retention", "30"}, args...)...); code != 0 || !strings.Contains(out, "清理摘要为 #5") {
				t.Fatalf("purge: exit %d %s %s", code, out, errOut)
			}
			addUnits(t, db, "市教育局") // #6
			if code, _, errOut := runMain(t, append([]string{"audit", "checkpoint"}, args...)...); code != 0 {
				t.Fatalf("checkpoint: %s", errOut)
			}

			data, _ := os.ReadFile(cps)
			lines := strings.Split(strings.TrimSpace(string(data)), "\n")
			f, _ := os.Open(cps)
			read, err := audit.ReadCheckpoints(f)
			f.Close()
			if err != nil || len(read) != 3 || read[1].Kind != audit.KindPurge || read[1].Purge.Sig == "" {
				t.Fatalf("checkpoint file (%v):\n%s", err, data)
			}
			for i, c := range read {
				if c.Sig == "" {
					t.Errorf("line %d unsigned: %s", i+1, lines[i])
				}
			}
			entries := chainOf(t, db)
			summary, ok := audit.PurgeOf(entries[1])
			if !ok || entries[1].Seq != 5 || summary.Sig != read[1].Purge.Sig {
				t.Errorf("the audit.purge entry's detail %q must carry the purge line's summary signature %s", entries[1].After, read[1].Purge.Sig)
			}

			verify := func(file string, extra ...string) (int, string) {
				t.Helper()
				code, out, errOut := runMain(t, append(append([]string{"audit", "verify", "--checkpoints", file}, extra...), dbArgs(opts)...)...)
				return code, out + errOut
			}
			for _, k := range []string{pub, pubFile} {
				if code, out := verify(cps, "--public-key", k); code != 0 || !strings.Contains(out, "签名有效：3 行") {
					t.Errorf("signed file with --public-key %s: exit %d %s", k, code, out)
				}
			}
			if code, out := verify(cps); code != 0 || !strings.Contains(out, "未核对签名") || strings.Contains(out, "签名有效") {
				t.Errorf("signed file without a key: exit %d %s", code, out)
			}

			mallory, _ := audit.ParseSigningKey([]byte(strings.Repeat("66", 32)))
			forged := mallory.SignPurge(audit.Purge{From: 1, To: 6, Count: 6, LastHash: entries[2].Hash, Before: now})
			forgedLine := string(jsonLine(t, mallory.SignCheckpoint(audit.Checkpoint{Kind: audit.KindPurge, Seq: 7, Hash: entries[2].Hash, At: now, Purge: &forged})))
			tampers := []struct {
				name  string
				edit  func(l []string) []string
				found string
			}{
				{"purge count edited", func(l []string) []string {
					l[1] = strings.Replace(l[1], `"count":3`, `"count":2`, 1)
					return l
				}, "第 2 行签名不符"},
				{"checkpoint hash edited", func(l []string) []string {
					l[2] = strings.Replace(l[2], read[2].Hash, strings.Repeat("0", len(read[2].Hash)), 1)
					return l
				}, "第 3 行签名不符"},
				{"unsigned line added", func(l []string) []string {
					return append(l, string(jsonLine(t, audit.Checkpoint{Kind: audit.KindCheckpoint, Seq: entries[2].Seq, Hash: entries[2].Hash, At: now})))
				}, "第 4 行没有签名"},
				{"purge line forged without the key", func(l []string) []string { return append(l, forgedLine) }, "第 4 行签名不符"},
			}
			for _, tc := range tampers {
				file := filepath.Join(t.TempDir(), "edited.checkpoints")
				if err := os.WriteFile(file, []byte(strings.Join(tc.edit(append([]string(nil), lines...)), "\n")+"\n"), 0o600); err != nil {
					t.Fatal(err)
				}
				if code, out := verify(file, "--public-key", pub); code != 1 || !strings.Contains(out, tc.found) {
					t.Errorf("%s: exit %d, want 1 and %q:\n%s", tc.name, code, tc.found, out)
				}
			}
			if code, out := verify(cps, "--public-key", mallory.Public()); code != 1 || strings.Count(out, "签名不符") < 3 {
				t.Errorf("verify with another key: exit %d %s", code, out)
			}

			if err := os.Chmod(key, 0o640); err != nil {
				t.Fatal(err)
			}
			if code, _, errOut := runMain(t, append([]string{"audit", "checkpoint"}, args...)...); code == 0 || !strings.Contains(errOut, "chmod 600") {
				t.Errorf("a key file others may read: exit %d %s", code, errOut)
			}
		})
	}
}

func jsonLine(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestAuditKeeperSigns: the serve job, with audit_signing_key_file set,
// POSTs to the webhook the same signed line it appends to the file, and
// its purge leaves a signed summary in the chain; a key file inside the
// data folder is refused by the configuration and one others may read
// stops the job from being built.
func TestAuditKeeperSigns(t *testing.T) {
	ctx := context.Background()
	opts := storetest.Options(t, "sqlite")
	now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	opts.Now = clock
	db := storetest.OpenWith(t, opts)
	var mu sync.Mutex
	var bodies []string
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
	}))
	defer hook.Close()

	cfg := config.Defaults()
	cfg.DataDir = opts.DataDir
	cfg.AuditCheckpointFile = filepath.Join(t.TempDir(), "audit.checkpoints")
	cfg.AuditCheckpointWebhook = hook.URL
	cfg.AuditRetention = 30
	cfg.AuditSigningKeyFile = filepath.Join(t.TempDir(), "audit.key")
	pub, err := audit.ParsePublicKey(keygenSigning(t, cfg.AuditSigningKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	k, err := newAuditKeeper(db, cfg, clock, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	addUnits(t, db, "市财政局", "市法制办")
	now = time.Now().UTC()
	k.tick(ctx) // purges #1–#2 (summary #3), then the head has not moved: one purge line
	addUnits(t, db, "市编委办")
	k.tick(ctx) // a checkpoint of #4

	data, _ := os.ReadFile(cfg.AuditCheckpointFile)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	mu.Lock()
	defer mu.Unlock()
	if len(lines) != 2 || !slices.Equal(lines, bodies) {
		t.Fatalf("file lines and webhook bodies differ:\n%q\n%q", lines, bodies)
	}
	cps, err := audit.ReadCheckpoints(strings.NewReader(string(data)))
	if err != nil || cps[0].Kind != audit.KindPurge {
		t.Fatalf("%v %+v", err, cps)
	}
	if problems := audit.VerifySignatures(cps, pub); len(problems) != 0 {
		t.Errorf("the keeper's lines: %v", problems)
	}
	if n, problems, err := db.VerifyAuditCheckpoints(ctx, cps, pub); err != nil || n != 2 || len(problems) != 0 {
		t.Errorf("verify with the key: %d %v %v", n, problems, err)
	}

	if err := os.Chmod(cfg.AuditSigningKeyFile, 0o604); err != nil {
		t.Fatal(err)
	}
	if _, err := newAuditKeeper(db, cfg, clock, slog.New(slog.NewTextHandler(io.Discard, nil))); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a key others may read: %v", err)
	}
	cfg.AuditSigningKeyFile = filepath.Join(cfg.DataDir, "audit.key")
	if err := cfg.Validate(); err == nil || !strings.Contains(err.Error(), "audit_signing_key_file") {
		t.Errorf("a key inside the data folder: %v", err)
	}
}
