package supervisionsvc

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// TestDeskCountsRegisteredUnits (issue 14): the desk counts a notice for
// the registered unit its task's unit names were matched to, under the
// registry's name — a task naming 市发改委 (an alias) and one naming
// 市发展改革委 give one row with both notices — and a name matched to no
// unit keeps its own row.
func TestDeskCountsRegisteredUnits(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			db := storetest.Open(t, kind)
			if _, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市发展改革委", Kind: records.UnitDepartment,
				Aliases: []string{"市发改委"}}); err != nil {
				t.Fatal(err)
			}
			plan, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("8", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "方案", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "甲", Units: []string{"市发改委"}},
					{Path: []string{"2"}, Title: "乙", Units: []string{"市发展改革委", "市未登记局"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, err := db.FindTasks(ctx, records.TaskFilter{PlanID: plan})
			if err != nil || len(tasks) != 2 {
				t.Fatalf("tasks %d %v", len(tasks), err)
			}
			day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
			var events []supervise.Event
			for i, tk := range tasks {
				events = append(events, supervise.Event{Key: "d/" + tk.Title, TaskID: tk.ID, Kind: supervise.KindNotice, Level: "blue",
					Label: "蓝色督办单", On: day, Deadline: day.AddDate(0, 0, 7+i), Recorded: day})
			}
			if _, err := db.RecordSupervision(ctx, events, func(supervise.Event) []records.Notification { return nil }); err != nil {
				t.Fatal(err)
			}
			s := &Service{Store: db, RulesBase: supervise.Default(), Calendar: workday.Default(), Now: func() time.Time { return day }}
			desk, err := s.Desk(ctx, authz.Principal{Username: "ducha", Role: authz.Office})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, u := range desk.ByUnit {
				got[u.Unit] = u.Open
			}
			if len(desk.Notices) != 2 || len(got) != 2 || got["市发展改革委"] != 2 || got["市未登记局"] != 1 {
				t.Errorf("the desk counts %v over %d notices, want 市发展改革委 2 and 市未登记局 1", got, len(desk.Notices))
			}
		})
	}
}
