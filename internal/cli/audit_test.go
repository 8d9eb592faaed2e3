package cli

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
)

// TestAuditVerifyDetectsTampering edits, deletes and reorders entries of a
// real audit log behind duban's back (dropping its append-only guards, as
// someone with the database file could) and checks that `duban audit
// verify` fails and says where.
func TestAuditVerifyDetectsTampering(t *testing.T) {
	tampers := map[string][]string{
		"edited":  {`UPDATE audit_log SET actor = 'mallory' WHERE seq = 2`},
		"deleted": {`DELETE FROM audit_log WHERE seq = 2`},
		"reordered": {`UPDATE audit_log SET seq = 100 WHERE seq = 2`, `UPDATE audit_log SET seq = 2 WHERE seq = 3`,
			`UPDATE audit_log SET seq = 3 WHERE seq = 100`},
	}
	for name, statements := range tampers {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			ctx := context.Background()
			db, err := store.Open(ctx, store.Options{DataDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []string{"市财政局", "市法制办", "市编委办", "市人力社保局"} {
				if _, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: n, Kind: records.UnitDepartment}); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			var out, errOut bytes.Buffer
			if code := Main(ctx, []string{"audit", "verify", "--data", dir}, nil, &out, &errOut); code != 0 {
				t.Fatalf("intact log: exit %d: %s %s", code, out.String(), errOut.String())
			}
			raw, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "duban.db"))
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range append([]string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`}, statements...) {
				if _, err := raw.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			raw.Close()
			out.Reset()
			code := Main(ctx, []string{"audit", "verify", "--data", dir}, nil, &out, &errOut)
			if code != 1 || !strings.Contains(out.String(), "#2") && !strings.Contains(out.String(), "#3") {
				t.Errorf("tampered (%s) log: exit %d, output %q", name, code, out.String())
			}
		})
	}
}
