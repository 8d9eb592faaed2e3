package scheduler

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/workday"
)

// TestNoNoticeWithoutUnit (issue 14, defect 2): two tasks overdue alike,
// one with a responsible unit and one without; the rules press both, but
// a 督办单 goes only to the task that has a unit to address it to.
func TestNoNoticeWithoutUnit(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			opts := storetest.Options(t, kind)
			opts.Now = func() time.Time { return time.Date(2026, 2, 2, 1, 0, 0, 0, time.UTC) }
			db := storetest.OpenWith(t, opts)
			due := []plandoc.Deadline{{Text: "2月27日前", Due: "2026-02-27"}}
			plan := &plandoc.Plan{Title: "方案", Year: 2026, Tasks: []plandoc.Task{
				{Path: []string{"1"}, Title: "有单位", Units: []string{"市法制办"}, Deadlines: due},
				{Path: []string{"2"}, Title: "无单位", Deadlines: due}}}
			if _, _, err := db.ImportPlan(ctx, records.PlanImport{SourceName: "p", SourceSHA256: strings.Repeat("c", 64), Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
			today := time.Date(2026, 3, 20, 2, 0, 0, 0, time.UTC)
			s := &Scheduler{Store: db, Calendar: workday.Default(), Rules: supervise.Default(), Now: func() time.Time { return today },
				Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			events, titles, err := s.DryRun(ctx, workday.DateOf(today))
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]map[supervise.Kind]int{}
			for _, e := range events {
				title := titles[e.TaskID]
				if kinds[title] == nil {
					kinds[title] = map[supervise.Kind]int{}
				}
				kinds[title][e.Kind]++
			}
			if kinds["有单位"][supervise.KindNotice] != 1 || kinds["有单位"][supervise.KindPress] == 0 {
				t.Errorf("the task with a unit: %v", kinds["有单位"])
			}
			if n := kinds["无单位"][supervise.KindNotice] + kinds["无单位"][supervise.KindEscalate]; n != 0 || kinds["无单位"][supervise.KindPress] == 0 {
				t.Errorf("the task without a unit: %v, want presses and no 督办单", kinds["无单位"])
			}
		})
	}
}
