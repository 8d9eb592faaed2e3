package cli

import (
	"context"
	"testing"

	"github.com/duban/duban/internal/authz"
)

// TestDemoDecisions (issue 20): the demo, created on two days months
// apart, holds that year's catalogue published with four decisions (one
// published with its 执行 and 后评估 in the ledger, one open to comments
// that day, one added after publication as an adjustment) and a
// commitment of each standing.
func TestDemoDecisions(t *testing.T) {
	for _, today := range []string{"2026-12-06", "2027-05-19"} {
		t.Run(today, func(t *testing.T) {
			app, _ := openDemoOn(t, today)
			ctx := context.Background()
			office := authz.Principal{Username: "ducha", Role: authz.Office}
			c, err := app.Decisions.PublicCatalogue(ctx, app.Ledger.Today().Year())
			if err != nil || len(c.Items) != 4 || len(c.Adjustments) != 1 {
				t.Fatalf("the demo's catalogue: %v %+v", err, c)
			}
			status := map[string]int{}
			commenting := 0
			for _, d := range c.Items {
				status[d.Status]++
				pd, err := app.Decisions.PublicDecision(ctx, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				if pd.Commenting {
					commenting++
				}
				if d.Status == "published" {
					for _, task := range []int64{d.ExecTask, d.EvalTask} {
						if _, err := app.Ledger.Readable(ctx, office, task); err != nil {
							t.Fatalf("the published decision's task %d: %v", task, err)
						}
					}
				}
			}
			if status["published"] != 1 || status["in_progress"] != 2 || status["planned"] != 1 || commenting != 1 {
				t.Fatalf("the demo's decisions: %v, %d open to comments", status, commenting)
			}
			list, err := app.Commitments.Public(ctx)
			if err != nil {
				t.Fatal(err)
			}
			standing := map[string]int{}
			for _, cm := range list {
				standing[cm.Standing]++
			}
			if len(list) != 4 || standing["fulfilled"] != 1 || standing["on_track"] != 1 || standing["late"] != 1 || standing["broken"] != 1 {
				t.Fatalf("the demo's commitments: %v", standing)
			}
		})
	}
}
