package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// rawDB opens the database opts names behind duban's back, as someone
// with the file or the database password could, and drops the triggers
// that keep duban itself from changing the log.
func rawDB(t *testing.T, opts store.Options) *sql.DB {
	t.Helper()
	var raw *sql.DB
	var err error
	var guards []string
	if opts.DSN != "" {
		raw, err = sql.Open("pgx", opts.DSN)
		guards = []string{`DROP TRIGGER audit_log_no_update ON audit_log`, `DROP TRIGGER audit_log_no_delete ON audit_log`}
	} else {
		raw, err = sql.Open("sqlite", "file:"+filepath.Join(opts.DataDir, "duban.db"))
		guards = []string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	for _, q := range guards {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return raw
}

// rebind writes ? as $n for PostgreSQL.
func rebindFor(opts store.Options, q string) string {
	if opts.DSN == "" {
		return q
	}
	for n := 1; strings.Contains(q, "?"); n++ {
		q = strings.Replace(q, "?", fmt.Sprintf("$%d", n), 1)
	}
	return q
}

func addUnits(t *testing.T, db *store.DB, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := db.CreateUnit(context.Background(), audit.System, records.UnitCreate{Name: n, Kind: records.UnitDepartment}); err != nil {
			t.Fatal(err)
		}
	}
}

// chainOf reads every entry, oldest first.
func chainOf(t *testing.T, db *store.DB) []audit.Entry {
	t.Helper()
	entries, _, err := db.FindAudit(context.Background(), records.AuditFilter{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(entries)
	return entries
}

// TestAuditVerifyCheckpoints is issue 13's must-show: on a real database,
// cutting the tail off the log and moving audit_head back, or re-hashing
// the whole chain after an edit, leaves a chain `duban audit verify`
// alone cannot fault (shown first), and `duban audit verify --checkpoints`
// fails on it, since the checkpoints written beforehand no longer match.
func TestAuditVerifyCheckpoints(t *testing.T) {
	tampers := map[string]func(t *testing.T, opts store.Options, raw *sql.DB, db *store.DB){
		"tail cut and head fixed": func(t *testing.T, opts store.Options, raw *sql.DB, db *store.DB) {
			for _, q := range []string{`DELETE FROM audit_log WHERE seq > 3`,
				`UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3) WHERE id = 1`} {
				if _, err := raw.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
		},
		"whole chain re-hashed": func(t *testing.T, opts store.Options, raw *sql.DB, db *store.DB) {
			rehashChain(t, opts, raw, db, audit.Next)
		},
	}
	for _, kind := range storetest.Kinds() {
		for name, tamper := range tampers {
			t.Run(kind+"/"+name, func(t *testing.T) {
				opts := storetest.Options(t, kind)
				db := storetest.OpenWith(t, opts)
				cps := filepath.Join(t.TempDir(), "audit.checkpoints")
				args := append([]string{"--audit-checkpoint-file", cps}, dbArgs(opts)...)

				addUnits(t, db, "市财政局", "市法制办", "市编委办")
				if code, out, errOut := runMain(t, append([]string{"audit", "checkpoint"}, args...)...); code != 0 || !strings.Contains(out, "已写入检查点 #3") {
					t.Fatalf("checkpoint: exit %d %s %s", code, out, errOut)
				}
				addUnits(t, db, "市人力社保局", "市教育局")
				if code, _, errOut := runMain(t, append([]string{"audit", "checkpoint"}, args...)...); code != 0 {
					t.Fatalf("checkpoint: exit %d %s", code, errOut)
				}
				verify := append([]string{"audit", "verify", "--checkpoints", cps}, dbArgs(opts)...)
				if code, out, _ := runMain(t, verify...); code != 0 || !strings.Contains(out, "2 个检查点与数据库中的哈希链相符") {
					t.Fatalf("intact log against its checkpoints: exit %d %s", code, out)
				}

				tamper(t, opts, rawDB(t, opts), db)

				if code, out, _ := runMain(t, append([]string{"audit", "verify"}, dbArgs(opts)...)...); code != 0 {
					t.Fatalf("the chain alone should look intact after this tampering (that is the hole): exit %d %s", code, out)
				}
				code, out, _ := runMain(t, verify...)
				if code != 1 || !strings.Contains(out, "审计日志被篡改") || !strings.Contains(out, "#5") {
					t.Errorf("verify --checkpoints after %s: exit %d\n%s", name, code, out)
				}
			})
		}
	}
}

// TestAuditPurge: with a retention, `duban audit purge` removes the old
// entries and leaves a summary in the chain and the checkpoint file;
// verify, with and without the checkpoints, passes afterwards, the log is
// still guarded against deletion, and tampering after the purge is still
// found.
func TestAuditPurge(t *testing.T) {
	tampers := map[string][]string{
		"kept entry edited":       {`UPDATE audit_log SET actor = 'mallory' WHERE seq = 5`},
		"first kept entry gone":   {`DELETE FROM audit_log WHERE seq = 4`},
		"purge summary rewritten": {`UPDATE audit_log SET after_json = REPLACE(after_json, '"to":3', '"to":4') WHERE action = 'audit.purge'`},
	}
	for _, kind := range storetest.Kinds() {
		for name, statements := range tampers {
			t.Run(kind+"/"+name, func(t *testing.T) {
				ctx := context.Background()
				opts := storetest.Options(t, kind)
				now := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
				opts.Now = func() time.Time { return now }
				db := storetest.OpenWith(t, opts)
				if n := len(chainOf(t, db)); n != 0 {
					t.Fatalf("a new database has %d audit entries", n)
				}
				addUnits(t, db, "市财政局", "市法制办", "市编委办") // #1–#3, old
				now = time.Now().UTC()
				addUnits(t, db, "市人力社保局", "市教育局") // #4, #5, new
				cps := filepath.Join(t.TempDir(), "audit.checkpoints")
				args := append([]string{"--audit-checkpoint-file", cps}, dbArgs(opts)...)
				if code, _, errOut := runMain(t, append([]string{"audit", "checkpoint"}, args...)...); code != 0 {
					t.Fatalf("checkpoint: %s", errOut)
				}
				if code, _, _ := runMain(t, append([]string{"audit", "purge"}, args...)...); code != 2 {
					t.Errorf("purge without a retention: exit %d, want 2", code)
				}
				code, out, errOut := runMain(t, append([]string{"audit", "purge", "--audit-retention", "30"}, args...)...)
				if code != 0 || !strings.Contains(out, "已清理审计日志 #1–#3，共 3 条") || !strings.Contains(out, "清理摘要为 #6") {
					t.Fatalf("purge: exit %d %s %s", code, out, errOut)
				}
				if code, out, _ := runMain(t, append([]string{"audit", "purge", "--audit-retention", "30"}, args...)...); code != 0 || !strings.Contains(out, "无需清理") {
					t.Errorf("second purge: exit %d %s", code, out)
				}
				entries := chainOf(t, db)
				if len(entries) != 3 || entries[0].Seq != 4 || entries[2].Action != audit.PurgeAction {
					t.Fatalf("after the purge the chain is %+v", entries)
				}
				data, _ := os.ReadFile(cps)
				if lines := strings.Split(strings.TrimSpace(string(data)), "\n"); len(lines) != 2 || !strings.Contains(lines[1], `"kind":"purge"`) ||
					!strings.Contains(lines[1], `"from":1,"to":3,"count":3`) {
					t.Errorf("checkpoint file after the purge:\n%s", data)
				}
				verify := append([]string{"audit", "verify", "--checkpoints", cps}, dbArgs(opts)...)
				if code, out, _ := runMain(t, verify...); code != 0 {
					t.Fatalf("verify after the purge: exit %d %s", code, out)
				}
				if code, out, _ := runMain(t, append([]string{"audit", "verify"}, dbArgs(opts)...)...); code != 0 {
					t.Fatalf("verify without checkpoints after the purge: exit %d %s", code, out)
				}

				var raw *sql.DB
				if kind == "postgres" {
					raw, _ = sql.Open("pgx", opts.DSN)
				} else {
					raw, _ = sql.Open("sqlite", "file:"+filepath.Join(opts.DataDir, "duban.db"))
				}
				_, err := raw.ExecContext(ctx, `DELETE FROM audit_log WHERE seq = 4`)
				raw.Close()
				if err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Fatalf("after a purge the log must still refuse deletes: %v", err)
				}

				raw = rawDB(t, opts)
				for _, q := range statements {
					if _, err := raw.Exec(q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
				if code, out, _ := runMain(t, verify...); code != 1 || !strings.Contains(out, "审计日志被篡改") {
					t.Errorf("verify --checkpoints after %s: exit %d %s", name, code, out)
				}
			})
		}
	}
}

// rehashChain forges the chain as someone with database access would:
// entry 2's actor edited, every hash after it recomputed with next, and
// audit_head moved to the new end, so that the chain is consistent in
// itself and only what is kept outside the database can tell.
func rehashChain(t *testing.T, opts store.Options, raw *sql.DB, db *store.DB, next func(*audit.Entry, audit.Entry) audit.Entry) {
	t.Helper()
	entries := chainOf(t, db)
	var prev *audit.Entry
	for i := range entries {
		e := entries[i]
		if e.Seq == 2 {
			e.Actor = "mallory"
		}
		e = next(prev, e)
		if _, err := raw.Exec(rebindFor(opts, `UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?`),
			e.Actor, e.PrevHash, e.Hash, e.Seq); err != nil {
			t.Fatal(err)
		}
		entries[i] = e
		prev = &entries[i]
	}
	if _, err := raw.Exec(rebindFor(opts, `UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1`), prev.Seq, prev.Hash); err != nil {
		t.Fatal(err)
	}
}
