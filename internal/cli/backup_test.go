package cli

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// TestBackupRestoreCommands backs up a database holding the demo plans
// with `duban backup`, restores it with `duban restore` into a fresh
// location, and compares what the two hold.
func TestBackupRestoreCommands(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			src := storetest.Options(t, kind)
			db := storetest.OpenWith(t, src)
			for _, f := range seedFiles(t) {
				p, err := plandoc.ParseFile(f)
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256([]byte(f))
				if _, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: filepath.Base(f),
					SourceSHA256: hex.EncodeToString(sum[:]), Format: "text", Plan: p}); err != nil {
					t.Fatal(err)
				}
			}
			file := filepath.Join(t.TempDir(), "duban.bak")
			// FILE first, flags after it, as the README writes it.
			code, out, errOut := runMain(t, append([]string{"backup", file}, dbArgs(src)...)...)
			if code != 0 || !strings.Contains(out, "已备份") {
				t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
			}
			if _, err := os.Stat(file); err != nil {
				t.Fatal(err)
			}

			dst := storetest.Options(t, kind)
			// Flags first this time.
			code, out, errOut = runMain(t, append(append([]string{"restore"}, dbArgs(dst)...), file)...)
			if code != 0 || !strings.Contains(out, "已恢复") {
				t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
			}
			want, err := db.FindPlans(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got, err := storetest.OpenWith(t, dst).FindPlans(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) != 5 || !reflect.DeepEqual(got, want) {
				t.Errorf("restored plans differ:\n got %+v\nwant %+v", got, want)
			}

			// Restoring again over the restored data is refused.
			code, _, errOut = runMain(t, append([]string{"restore", file}, dbArgs(dst)...)...)
			if code != 1 || !strings.Contains(errOut, "not empty") {
				t.Errorf("restore into a full database: exit %d, %s", code, errOut)
			}
		})
	}
	if code, _, _ := runMain(t, "backup"); code != 2 {
		t.Errorf("backup without FILE: exit %d, want 2", code)
	}
}
