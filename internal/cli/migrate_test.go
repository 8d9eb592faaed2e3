package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestMain stops the PostgreSQL test cluster once the package's tests end.
func TestMain(m *testing.M) { storetest.Main(m) }

// dbArgs are the flags that point a command at the database opts names.
func dbArgs(opts store.Options) []string {
	if opts.DSN != "" {
		return []string{"--db", opts.DSN}
	}
	return []string{"--data", opts.DataDir}
}

func TestMigrateCommand(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			opts := storetest.Options(t, kind)
			if kind == "sqlite" {
				opts.DataDir = filepath.Join(opts.DataDir, "new") // not created yet
			}
			code, out, errOut := runMain(t, append([]string{"migrate"}, dbArgs(opts)...)...)
			if code != 0 || !strings.Contains(out, "数据库结构已升级: 版本 0 → ") {
				t.Fatalf("first migrate: exit %d\n%s%s", code, out, errOut)
			}
			code, out, errOut = runMain(t, append([]string{"migrate"}, dbArgs(opts)...)...)
			if code != 0 || !strings.Contains(out, "数据库结构已是最新") {
				t.Fatalf("second migrate: exit %d\n%s%s", code, out, errOut)
			}
			db := storetest.OpenWith(t, opts)
			if v, err := db.SchemaVersion(context.Background()); err != nil || v != db.LatestSchemaVersion() ||
				!strings.Contains(out, "版本 "+strconv.Itoa(v)) {
				t.Errorf("schema version %d, %v; output %q", v, err, out)
			}
		})
	}
	if code, _, _ := runMain(t, "migrate", "extra"); code != 2 {
		t.Errorf("migrate with an argument: exit %d, want 2", code)
	}
}
