package store

import (
	"cmp"
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/ledger"
)

// TestExplainInputEqualsRead: a unit explained from its own tasks beside
// the others from the sums reads, score and lines, as the explanation
// computed from every task — for every unit, before and after the fold.
// The lines of a part come in the order the tasks were read, which
// neither read fixes, so they are compared in one order.
func TestExplainInputEqualsRead(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		scoredLedger(t, db, rand.New(rand.NewPCG(7, 2026)))
		for _, folded := range []bool{false, true} {
			if folded {
				if _, err := db.FoldAssessment(ctx); err != nil {
					t.Fatal(err)
				}
			}
			explained := 0
			for _, key := range []string{"2026", "2026-Q2"} {
				p, _ := ledger.ParsePeriod(key)
				asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
				limit := p.End
				if asOf.Before(limit) {
					limit = asOf
				}
				read, err := db.AssessmentInput(ctx, p.Start, limit)
				if err != nil {
					t.Fatal(err)
				}
				for _, u := range read.Units {
					in, err := db.ExplainInput(ctx, p.Start, limit, asOf, u.ID)
					if err != nil {
						t.Fatal(err)
					}
					got := assess.Compute(assess.Default(), p, asOf, in, assess.ExplainUnit(u.ID))
					want := assess.Compute(assess.Default(), p, asOf, read, assess.ExplainUnit(u.ID))
					for _, r := range []assess.Result{got, want} {
						for _, s := range r.Scores {
							explained += len(s.Lines)
							slices.SortStableFunc(s.Lines, func(a, b assess.Line) int {
								return cmp.Or(cmp.Compare(a.Part, b.Part), cmp.Compare(a.TaskID, b.TaskID), cmp.Compare(a.EventKey, b.EventKey),
									cmp.Compare(a.RecordID, b.RecordID), cmp.Compare(a.Key, b.Key))
							})
						}
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("folded %v, %s, unit %d: explained beside the sums\n%+v\nfrom every task\n%+v", folded, key, u.ID, got.Scores, want.Scores)
					}
				}
			}
			if explained == 0 {
				t.Fatal("no line explained")
			}
		}
	})
}
