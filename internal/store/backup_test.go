package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/duban/duban/internal/plandoc"
)

// importSeeds imports the demo plans, the real documents duban ships with.
func importSeeds(t *testing.T, db *DB) int {
	t.Helper()
	files, err := filepath.Glob("../../demo/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("demo seeds: %v (%d files)", err, len(files))
	}
	for _, f := range files {
		p, err := plandoc.ParseFile(f)
		if err != nil {
			t.Fatalf("parse %s: %v", f, err)
		}
		if _, _, err := db.ImportPlan(context.Background(), PlanImport{
			SourceName: filepath.Base(f), SourceSHA256: sha(f), Format: "text", Plan: p,
		}); err != nil {
			t.Fatalf("import %s: %v", f, err)
		}
	}
	return len(files)
}

// fillPeople adds units (with a hierarchy and an alias), an audited change
// and so rows in the registry and audit tables, for the backup to carry.
func fillPeople(t *testing.T, db *DB) {
	t.Helper()
	ctx := context.Background()
	city, err := db.CreateUnit(ctx, office, UnitCreate{Name: "嘉兴市人民政府", Kind: UnitCity})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUnit(ctx, office, UnitCreate{Name: "市政府法制办公室", Kind: UnitDepartment, ParentID: city.ID, Aliases: []string{"市法制办"}}); err != nil {
		t.Fatal(err)
	}
}

// TestBackupRestore backs up a database holding the demo plans, restores
// the backup into a fresh location and checks that every table came back
// row for row, and that new rows then get the ids they would have got in
// the original (PostgreSQL's identity sequences travel with the backup).
func TestBackupRestore(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		if n := importSeeds(t, db); n < 5 {
			t.Fatalf("only %d seeds", n)
		}
		fillPeople(t, db)
		file := filepath.Join(t.TempDir(), "备份 1.bak")
		if err := db.Backup(ctx, file); err != nil {
			t.Fatalf("Backup: %v", err)
		}
		if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("backup file: %v, mode %v; want 0600", err, fi.Mode())
		}
		if err := db.Backup(ctx, file); !errors.Is(err, fs.ErrExist) {
			t.Errorf("Backup over an existing file: %v, want fs.ErrExist", err)
		}

		target := testOptions(t, optsKind(opts))
		if err := Restore(ctx, target, file); err != nil {
			t.Fatalf("Restore: %v", err)
		}
		restored := openWith(t, target)
		want := dumpTables(t, db)
		if len(want["tasks"]) == 0 || len(want["units"]) == 0 {
			t.Fatalf("nothing worth comparing: %d tasks, %d units", len(want["tasks"]), len(want["units"]))
		}
		diffDumps(t, want, dumpTables(t, restored))

		imp := PlanImport{SourceName: "new.txt", SourceSHA256: sha("new"), Format: "text", Plan: samplePlan("新方案", 2)}
		id1, _, err1 := db.ImportPlan(ctx, imp)
		id2, _, err2 := restored.ImportPlan(ctx, imp)
		if err1 != nil || err2 != nil || id1 != id2 {
			t.Errorf("next plan id: original %d (%v), restored %d (%v)", id1, err1, id2, err2)
		}

		// A second restore into the now full target is refused.
		if err := Restore(ctx, target, file); !errors.Is(err, ErrNotEmpty) {
			t.Errorf("Restore into a full database: %v, want ErrNotEmpty", err)
		}
	})
}

// TestBackupWhileWriting takes a backup while another goroutine keeps
// importing plans, as `duban backup` does beside a running server, and
// checks that the copy is a snapshot: every plan in it has all its tasks.
func TestBackupWhileWriting(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		stop, started := make(chan struct{}), make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			for i := 0; ; i++ {
				if i == 2 {
					close(started) // the backup starts among writes, not before them
				}
				select {
				case <-stop:
					return
				default:
				}
				name := "plan" + string(rune('A'+i%26)) + string(rune('a'+i/26))
				if _, _, err := db.ImportPlan(ctx, PlanImport{SourceName: name, SourceSHA256: sha(name), Format: "text", Plan: samplePlan(name, 30)}); err != nil {
					t.Errorf("import during backup: %v", err)
					if i < 2 {
						close(started)
					}
					return
				}
			}
		})
		<-started
		file := filepath.Join(t.TempDir(), "live.bak")
		err := db.Backup(ctx, file)
		close(stop)
		wg.Wait()
		if err != nil {
			t.Fatalf("Backup: %v", err)
		}
		target := testOptions(t, optsKind(opts))
		if err := Restore(ctx, target, file); err != nil {
			t.Fatalf("Restore: %v", err)
		}
		restored := openWith(t, target)
		plans, err := restored.FindPlans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(plans) < 2 {
			t.Errorf("the backup holds %d plans; 2 were imported before it began", len(plans))
		}
		for _, p := range plans {
			if p.TaskCount != 30 {
				t.Errorf("plan %s has %d of its 30 tasks: the backup is no snapshot", p.Title, p.TaskCount)
			}
		}
	})
}

// TestRestoreRefuses checks the refusals that protect data: a target that
// already holds a database, and a file that is no backup of this kind.
func TestRestoreRefuses(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		file := filepath.Join(t.TempDir(), "a.bak")
		if err := db.Backup(ctx, file); err != nil {
			t.Fatal(err)
		}
		if err := Restore(ctx, opts, file); !errors.Is(err, ErrNotEmpty) {
			t.Errorf("Restore over the live database: %v, want ErrNotEmpty", err)
		}
		junk := filepath.Join(t.TempDir(), "junk.bak")
		if err := os.WriteFile(junk, []byte("not a backup at all"), 0o600); err != nil {
			t.Fatal(err)
		}
		target := testOptions(t, optsKind(opts))
		if err := Restore(ctx, target, junk); !errors.Is(err, ErrInvalid) {
			t.Errorf("Restore of a junk file: %v, want ErrInvalid", err)
		}
		if target.DSN == "" {
			if _, err := os.Stat(filepath.Join(target.DataDir, "duban.db")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a refused restore left duban.db behind: %v", err)
			}
		}
	})
}
