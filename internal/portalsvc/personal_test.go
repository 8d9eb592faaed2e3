package portalsvc

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/workday"
)

// TestPortalMasksPersonalData: a published task whose title, text and
// milestone hold an ID number, a phone number, a labelled name and a
// home address shows none of them on any of the portal's views or in
// the open data, and a search for the ID number finds nothing (its
// results would tell that some task holds it); the matter and the
// street stay.
func TestPortalMasksPersonalData(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, kind)
			if _, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市民政局", Kind: records.UnitDepartment}); err != nil {
				t.Fatal(err)
			}
			plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("d", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "民生实事方案", Tasks: []plandoc.Task{{Path: []string{"1"},
					Title: "核查低保户身份证440101199001011234的资格", Text: "联系人李四，电话 139 0000 1111，住文三路12号3幢501室。",
					Units: []string{"市民政局"}, Deadlines: []plandoc.Deadline{{Text: "3月底前回访13800138000", Due: "2026-03-31"}}}}}})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.PublishPlan(ctx, audit.System, plan, true); err != nil {
				t.Fatal(err)
			}
			tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
			if err != nil || len(tasks) != 1 {
				t.Fatalf("tasks: %v", err)
			}
			now := func() time.Time { return time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC) }
			s := &Service{Store: db, Ledger: &ledgersvc.Service{Store: db, Calendar: workday.Default(), Rules: ledger.DefaultRules, Now: now}, Now: now}

			home, err := s.Home(ctx, "低保")
			if err != nil || len(home.Results) != 1 {
				t.Fatalf("search 低保: %+v %v", home, err)
			}
			if home.Results[0].Title != "核查低保户身份证****************34的资格" {
				t.Errorf("title %q", home.Results[0].Title)
			}
			if h, err := s.Home(ctx, "440101199001011234"); err != nil || len(h.Results) != 0 {
				t.Errorf("a search for the ID number finds %+v %v", h.Results, err)
			}
			plv, err := s.Plan(ctx, plan)
			if err != nil {
				t.Fatal(err)
			}
			task, err := s.Task(ctx, tasks[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(task.Text, "文三路**号*幢***室") || !strings.Contains(task.Text, "联系人李*") {
				t.Errorf("text %q", task.Text)
			}
			open, err := s.OpenData(ctx)
			if err != nil {
				t.Fatal(err)
			}
			all, _ := json.Marshal([]any{home, plv, task, open})
			for _, secret := range []string{"440101199001011234", "139 0000 1111", "13800138000", "李四", "501室", "12号"} {
				if strings.Contains(string(all), secret) {
					t.Errorf("the portal shows %q: %s", secret, all)
				}
			}
		})
	}
}
