package store

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"github.com/duban/duban/internal/plandoc"
)

func TestImportRoundTrip(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		in := samplePlan("温州市深化政务公开工作实施方案", 23)
		id, created, err := db.ImportPlan(ctx, PlanImport{SourceName: "a.docx", SourceSHA256: sha("a"), Format: "docx", Plan: in})
		if err != nil || !created || id <= 0 {
			t.Fatalf("ImportPlan = %d, %v, %v; want a new id", id, created, err)
		}
		got, err := db.FindPlanByID(ctx, id)
		if err != nil {
			t.Fatalf("FindPlanByID: %v", err)
		}
		if !reflect.DeepEqual(got.Doc(), in) {
			t.Errorf("round trip differs:\n got %+v\nwant %+v", got.Doc(), in)
		}
		if got.SourceName != "a.docx" || got.SourceSHA256 != sha("a") || got.Format != "docx" ||
			!got.ImportedAt.Equal(testNow) || got.TaskCount != 23 {
			t.Errorf("plan record = %+v", got)
		}
		for i, task := range got.Tasks {
			if task.PlanID != id || task.Seq != i || task.ID <= 0 {
				t.Fatalf("task %d identity = id %d plan %d seq %d", i, task.ID, task.PlanID, task.Seq)
			}
		}
	})
}

func TestImportEmptyPlan(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		in := &plandoc.Plan{Tasks: []plandoc.Task{}}
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "x.txt", SourceSHA256: sha("x"), Format: "text", Plan: in})
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.FindPlanByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Doc(), in) || got.IssuedOn != "" {
			t.Errorf("got %+v, want %+v", got.Doc(), in)
		}
	})
}

func TestImportIdempotent(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		imp := PlanImport{SourceName: "a.txt", SourceSHA256: sha("a"), Format: "text", Plan: samplePlan("甲", 5)}
		id1, created1, err := db.ImportPlan(ctx, imp)
		if err != nil || !created1 {
			t.Fatalf("first import: %d %v %v", id1, created1, err)
		}
		imp.SourceName = "a-copy.txt" // same bytes under another name: still the same plan
		id2, created2, err := db.ImportPlan(ctx, imp)
		if err != nil || created2 || id2 != id1 {
			t.Fatalf("second import = %d %v %v; want %d false nil", id2, created2, err, id1)
		}
		id3, created3, err := db.ImportPlan(ctx, PlanImport{SourceName: "b.txt", SourceSHA256: sha("b"), Format: "text", Plan: samplePlan("乙", 2)})
		if err != nil || !created3 || id3 == id1 {
			t.Fatalf("other document = %d %v %v", id3, created3, err)
		}
		plans, err := db.FindPlans(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(plans) != 2 || plans[0].Title != "甲" || plans[0].TaskCount != 5 || plans[0].SourceName != "a.txt" ||
			plans[1].Title != "乙" || plans[1].TaskCount != 2 || plans[0].Tasks != nil {
			t.Errorf("FindPlans = %+v", plans)
		}
		if n := countRows(t, db); n["tasks"] != 7 {
			t.Errorf("tasks stored = %d, want 7", n["tasks"])
		}
	})
}

// TestImportAllOrNothing makes an import fail after the plan row and many
// task rows were written, and checks that none of them stayed.
func TestImportAllOrNothing(t *testing.T) {
	bad := func(mutate func(*plandoc.Task)) *plandoc.Plan {
		p := samplePlan("坏方案", 40)
		mutate(&p.Tasks[30])
		return p
	}
	for _, tc := range []struct {
		name string
		plan *plandoc.Plan
	}{
		{"unknown cadence breaks a CHECK", bad(func(t *plandoc.Task) {
			t.Deadlines = append(t.Deadlines, plandoc.Deadline{Text: "每两周", Every: "fortnight"})
		})},
		{"negative weight breaks a CHECK", bad(func(t *plandoc.Task) { w := -1.0; t.Weight = &w })},
	} {
		t.Run(tc.name, func(t *testing.T) {
			forEachDB(t, func(t *testing.T, db *DB) {
				ctx := context.Background()
				_, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "bad.txt", SourceSHA256: sha("bad"), Format: "text", Plan: tc.plan})
				if err == nil {
					t.Fatal("ImportPlan succeeded; want a constraint error")
				}
				for table, n := range countRows(t, db) {
					if n != 0 {
						t.Errorf("%s holds %d rows after a failed import", table, n)
					}
				}
				// The failure must not block a later good import of the same document.
				if _, created, err := db.ImportPlan(ctx, PlanImport{SourceName: "bad.txt", SourceSHA256: sha("bad"), Format: "text", Plan: samplePlan("好方案", 3)}); err != nil || !created {
					t.Fatalf("import after failure: %v %v", created, err)
				}
			})
		})
	}
}

// TestImportCancelled cancels the context at many points of an import and
// checks that each cancelled import left nothing behind.
func TestImportCancelled(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		plan := samplePlan("大方案", 200)
		failed := 0
		// The import goes in multi-row statements (batch.go): it asks its
		// context about 70 times on SQLite, 200 on PostgreSQL.
		for _, after := range []int64{0, 3, 10, 25, 40} {
			cctx := cancelAfter(ctx, after)
			_, _, err := db.ImportPlan(cctx, PlanImport{SourceName: "big.txt", SourceSHA256: sha("big"), Format: "text", Plan: plan})
			if err == nil {
				t.Fatalf("cancel after %d: import succeeded; a 200-task import asks its context more often", after)
			}
			if !errors.Is(err, context.Canceled) {
				t.Errorf("cancel after %d: err = %v, want context.Canceled", after, err)
			}
			failed++
			for table, n := range countRows(t, db) {
				if n != 0 {
					t.Fatalf("cancel after %d: %s holds %d rows", after, table, n)
				}
			}
		}
		// The single writer connection must be usable again afterwards.
		if _, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "big.txt", SourceSHA256: sha("big"), Format: "text", Plan: plan}); err != nil {
			t.Fatalf("import after cancellations: %v", err)
		}
	})
}

// countdownCtx is a context that becomes cancelled once Done has been asked
// for a given number of times: a way to cancel at a point inside an import
// that a timer could not hit reliably.
type countdownCtx struct {
	context.Context
	mu   sync.Mutex
	left int64
	done chan struct{}
}

func cancelAfter(parent context.Context, n int64) *countdownCtx {
	return &countdownCtx{Context: parent, left: n, done: make(chan struct{})}
}

func (c *countdownCtx) Done() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left == 0 {
		select {
		case <-c.done:
		default:
			close(c.done)
		}
	} else {
		c.left--
	}
	return c.done
}

func (c *countdownCtx) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func TestImportRejectsInvalid(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		badDate := samplePlan("日期错", 3)
		badDate.Tasks[2].Milestones[0].Due = "2018-02-30"
		for _, tc := range []struct {
			name string
			imp  PlanImport
		}{
			{"no plan", PlanImport{SourceSHA256: sha("a")}},
			{"short checksum", PlanImport{SourceSHA256: "abc", Plan: samplePlan("x", 1)}},
			{"impossible date", PlanImport{SourceSHA256: sha("b"), Plan: badDate}},
			{"bad issued_on", PlanImport{SourceSHA256: sha("c"), Plan: &plandoc.Plan{IssuedOn: "2017年6月8日"}}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if _, _, err := db.ImportPlan(ctx, tc.imp); !errors.Is(err, ErrInvalid) {
					t.Errorf("err = %v, want ErrInvalid", err)
				}
			})
		}
		if n := countRows(t, db); n["plans"] != 0 {
			t.Errorf("plans stored = %d", n["plans"])
		}
	})
}

func TestFindPlanByIDNotFound(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		p, err := db.FindPlanByID(context.Background(), 42)
		if !errors.Is(err, ErrNotFound) || p != nil {
			t.Errorf("FindPlanByID(42) = %v, %v; want nil, ErrNotFound", p, err)
		}
	})
}

// TestDeletePlanCascades checks that foreign keys are enforced on the
// writer connection: without the pragma SQLite ignores ON DELETE CASCADE.
func TestDeletePlanCascades(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		id, _, err := db.ImportPlan(ctx, PlanImport{SourceName: "a", SourceSHA256: sha("a"), Format: "text", Plan: samplePlan("甲", 10)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.write.Exec(db.dialect.rebind(`DELETE FROM plans WHERE id = ?`), id); err != nil {
			t.Fatal(err)
		}
		for table, n := range countRows(t, db) {
			if n != 0 {
				t.Errorf("%s holds %d rows after deleting the plan", table, n)
			}
		}
	})
}
