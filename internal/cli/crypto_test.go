package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/cryptosuite"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestKeygen: `duban keygen FILE` writes a 128-bit key readable by its
// owner only, which the gm suite accepts, and never overwrites a key.
func TestKeygen(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sm4.key")
	code, out, errOut := runMain(t, "keygen", file)
	if code != 0 || !strings.Contains(out, "data_key_file: "+file) {
		t.Fatalf("keygen: exit %d %s %s", code, out, errOut)
	}
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v", fi, err)
	}
	key, err := cryptosuite.ReadKeyFile(file)
	if err != nil || len(key) != cryptosuite.KeySize {
		t.Fatalf("key: %x %v", key, err)
	}
	before, _ := os.ReadFile(file)
	if code, _, errOut := runMain(t, "keygen", file); code == 0 || !strings.Contains(errOut, "不会覆盖") {
		t.Errorf("second keygen over the key: exit %d %s", code, errOut)
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("the key was overwritten")
	}
	if code, _, _ := runMain(t, "keygen"); code != 2 {
		t.Errorf("keygen without a file: exit %d", code)
	}
}

// TestGMAuditVerify: a database begun under crypto gm keeps an SM3 chain
// that `duban audit verify` checks with no crypto configured (it uses the
// suite the database records), with and without checkpoints; a whole
// chain re-hashed with SM3 after an edit passes verify alone and fails
// against the checkpoints; and the database refuses the default suite.
func TestGMAuditVerify(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			key := filepath.Join(t.TempDir(), "sm4.key")
			if code, _, errOut := runMain(t, "keygen", key); code != 0 {
				t.Fatalf("keygen: %s", errOut)
			}
			opts := storetest.Options(t, kind)
			gmArgs := append([]string{"--crypto", "gm", "--data-key-file", key}, dbArgs(opts)...)
			if code, out, errOut := runMain(t, append([]string{"migrate"}, gmArgs...)...); code != 0 {
				t.Fatalf("migrate under gm: exit %d %s %s", code, out, errOut)
			}
			opts.Crypto, opts.DataKeyFile = cryptosuite.NameGM, key
			db := storetest.OpenWith(t, opts)
			addUnits(t, db, "市财政局", "市法制办")
			if _, err := db.CreateTicket(ctx, audit.Actor{ID: 1, Username: "office"}, records.Ticket{Type: "complaint", Urgency: "normal",
				Channel: "phone", Description: "噪音扰民", CallerName: "王小明", CallerPhone: "13800138000", State: "received",
				DueAt: time.Now().Add(72 * time.Hour), ReceivedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
			cps := filepath.Join(t.TempDir(), "audit.checkpoints")
			cpArgs := append([]string{"audit", "checkpoint", "--audit-checkpoint-file", cps}, dbArgs(opts)...)
			if code, out, errOut := runMain(t, cpArgs...); code != 0 {
				t.Fatalf("checkpoint: exit %d %s %s", code, out, errOut)
			}
			addUnits(t, db, "市编委办", "市教育局")
			if code, _, errOut := runMain(t, cpArgs...); code != 0 {
				t.Fatalf("checkpoint: %s", errOut)
			}
			verify := append([]string{"audit", "verify"}, dbArgs(opts)...)
			verifyCps := append([]string{"audit", "verify", "--checkpoints", cps}, dbArgs(opts)...)
			if code, out, errOut := runMain(t, verify...); code != 0 || !strings.Contains(out, "5 条记录，哈希链（SM3）无断裂") {
				t.Fatalf("verify the gm chain: exit %d %s %s", code, out, errOut)
			}
			if code, out, _ := runMain(t, verifyCps...); code != 0 {
				t.Fatalf("verify --checkpoints: exit %d %s", code, out)
			}
			if code, _, errOut := runMain(t, append([]string{"migrate"}, dbArgs(opts)...)...); code == 0 || !strings.Contains(errOut, "密码套件") {
				t.Errorf("the gm database opened under the default: exit %d %s", code, errOut)
			}

			// Re-hash the whole chain with SM3 after editing entry 2.
			raw := rawDB(t, opts)
			sm3 := audit.Chain{Hash: cryptosuite.Must(cryptosuite.NameGM).NewHash}
			rehashChain(t, opts, raw, db, sm3.Next)
			if code, out, _ := runMain(t, verify...); code != 0 {
				t.Fatalf("a chain re-hashed with SM3 is consistent in itself: exit %d %s", code, out)
			}
			if code, out, _ := runMain(t, verifyCps...); code != 1 || !strings.Contains(out, "审计日志被篡改") || !strings.Contains(out, "#5") {
				t.Errorf("verify --checkpoints after re-hashing: exit %d %s", code, out)
			}
		})
	}
}
