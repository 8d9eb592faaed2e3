package store

import (
	"context"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
)

// TestLikeTakesTextLiterally: an action name with _ finds its entries,
// and % or _ typed into a search are characters, not wildcards, on
// both databases.
func TestLikeTakesTextLiterally(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
			{Path: []string{"1"}, Title: "农村自来水普及率达到50%"},
			{Path: []string{"2"}, Title: "农村自来水普及率达到500户"},
			{Path: []string{"3"}, Title: "数据接口a_b上线"},
			{Path: []string{"4"}, Title: "数据接口axb上线"},
		}}
		id, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text", Plan: plan})
		if err != nil {
			t.Fatal(err)
		}
		for q, want := range map[string]string{"50%": "农村自来水普及率达到50%", "a_b": "数据接口a_b上线"} {
			got, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: id, Q: q})
			if err != nil || len(got) != 1 || got[0].Title != want {
				t.Errorf("search %q: %+v %v, want only %s", q, got, err, want)
			}
		}
		if err := db.RecordEvent(ctx, audit.System, "task.close_request", "task", 1, nil); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordEvent(ctx, audit.System, "task.closeXrequest", "task", 1, nil); err != nil {
			t.Fatal(err)
		}
		got, _, err := db.FindAudit(ctx, records.AuditFilter{Action: "task.close_request", Limit: 10})
		if err != nil || len(got) != 1 || got[0].Action != "task.close_request" {
			t.Errorf("audit by action: %+v %v", got, err)
		}
	})
}
