package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
)

// TestTaskPagesByCursor walks a list page by page with the cursors it
// hands out, in each order, and finds the same tasks in the same order as
// one long page, each once; the total is the same on every page; a
// cursor of another order is refused. Both databases.
func TestTaskPagesByCursor(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, office, UserCreate{Username: "ducha", PasswordHash: "h", Role: "office"})
		if err != nil {
			t.Fatal(err)
		}
		office := audit.Actor{ID: u.ID, Username: u.Username, IP: "127.0.0.1"}
		for p := range 2 {
			plan := &plandoc.Plan{Title: fmt.Sprintf("方案%d", p), Year: 2026}
			for i := range 12 {
				task := plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("任务%d-%d", p, i), Units: []string{"市财政局"}}
				if i%4 != 3 { // some tasks have no deadline: their next due is NULL
					due := fmt.Sprintf("2026-%02d-10", i%3+7)
					task.Deadlines = []plandoc.Deadline{{Text: due, Due: due}}
				}
				plan.Tasks = append(plan.Tasks, task)
			}
			if _, _, err := db.ImportPlan(ctx, PlanImport{SourceName: plan.Title, SourceSHA256: sha(plan.Title), Format: "text", Plan: plan}); err != nil {
				t.Fatal(err)
			}
		}
		all, total, err := db.FindTasks(ctx, TaskFilter{Limit: 500})
		if err != nil || total != 24 {
			t.Fatalf("%d tasks, %v", total, err)
		}
		for i, tk := range all {
			if i%5 == 0 {
				if _, err := db.AddProgress(ctx, office, tk.ID, ProgressInput{Text: "推进中"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, sort := range []string{"", "due", "report"} {
			var want []int64
			long, _, _ := db.FindTasks(ctx, TaskFilter{Sort: sort, Limit: 500})
			for _, tk := range long {
				want = append(want, tk.ID)
			}
			var got []int64
			cursor := ""
			for range 10 {
				page, err := db.FindTaskPage(ctx, TaskFilter{Sort: sort, Limit: 5, Cursor: cursor})
				if err != nil {
					t.Fatalf("sort %q: %v", sort, err)
				}
				if page.Total != 24 {
					t.Errorf("sort %q: total %d on a later page", sort, page.Total)
				}
				for _, tk := range page.Items {
					got = append(got, tk.ID)
				}
				if cursor = page.NextCursor; cursor == "" {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("sort %q by cursor:\n got %v\nwant %v", sort, got, want)
			}
			// An offset is read as the cursor of the row before it: every
			// offset, past the end too, and an offset after a cursor, give
			// the slice of the whole list, as pages and as entries.
			second, err := db.FindTaskPage(ctx, TaskFilter{Sort: sort, Limit: 5})
			if err != nil {
				t.Fatal(err)
			}
			for off := 0; off <= 26; off++ {
				for _, c := range []struct {
					cursor string
					skip   int
				}{{"", off}, {second.NextCursor, 5 + off}} {
					f := TaskFilter{Sort: sort, Limit: 5, Offset: off, Cursor: c.cursor}
					wantPage := want[min(c.skip, len(want)):min(c.skip+5, len(want))]
					page, err := db.FindTaskPage(ctx, f)
					if err != nil {
						t.Fatalf("sort %q offset %d: %v", sort, off, err)
					}
					listing, err := db.FindTaskListing(ctx, f, "test")
					if err != nil {
						t.Fatalf("sort %q offset %d listing: %v", sort, off, err)
					}
					var gotPage, gotListing []int64
					for _, tk := range page.Items {
						gotPage = append(gotPage, tk.ID)
					}
					for _, it := range listing.Items {
						gotListing = append(gotListing, it.ID)
					}
					if !slices.Equal(gotPage, wantPage) || !slices.Equal(gotListing, wantPage) || page.Total != 24 || listing.Total != 24 {
						t.Errorf("sort %q offset %d after %q: page %v, listing %v, want %v (totals %d, %d)",
							sort, off, c.cursor, gotPage, gotListing, wantPage, page.Total, listing.Total)
					}
				}
			}
		}
		first, _ := db.FindTaskPage(ctx, TaskFilter{Sort: "due", Limit: 5})
		if _, err := db.FindTaskPage(ctx, TaskFilter{Limit: 5, Cursor: first.NextCursor}); !errors.Is(err, ErrInvalid) {
			t.Errorf("a cursor of another order = %v", err)
		}
		if _, err := db.FindTaskPage(ctx, TaskFilter{Cursor: "不是游标"}); !errors.Is(err, ErrInvalid) {
			t.Errorf("a broken cursor = %v", err)
		}
		// Offset is still taken, and a search's page counts its matches.
		page, err := db.FindTaskPage(ctx, TaskFilter{Q: "任务", Limit: 5, Offset: 20})
		if err != nil || page.Total != 24 || len(page.Items) != 4 || page.NextCursor != "" || page.Items[0].ID != all[20].ID {
			t.Errorf("offset 20 of a search: %d items of %d, next %q, %v", len(page.Items), page.Total, page.NextCursor, err)
		}
	})
}

// TestTaskPageChildren reads a page of tasks with every kind of child —
// units (lead or not), deadlines (one recurring), targets, milestones —
// and finds each task's children as the plan gave them, in their order,
// the same through the list and through the task's own read. Both
// databases.
func TestTaskPageChildren(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *DB) {
		ctx := context.Background()
		plan := &plandoc.Plan{Title: "子项方案", Year: 2026}
		for i := range 6 {
			task := plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("任务%d", i)}
			for k := range i % 3 {
				task.Units = append(task.Units, fmt.Sprintf("单位%d-%d", i, k))
			}
			if len(task.Units) > 0 {
				task.LeadUnits = task.Units[:1]
			}
			for k := range (i + 1) % 3 {
				due := fmt.Sprintf("2026-%02d-%02d", k+3, i+1)
				d := plandoc.Deadline{Text: "每季度末前" + due, Due: due}
				if k == 1 {
					d.Every = "quarter"
				}
				task.Deadlines = append(task.Deadlines, d)
			}
			for k := range i % 2 * 2 {
				task.Targets = append(task.Targets, plandoc.Target{Text: fmt.Sprintf("指标%d", k), Value: float64(k) + 0.25, Unit: "个"})
			}
			for k := range (i + 2) % 3 {
				task.Milestones = append(task.Milestones, plandoc.Milestone{Text: fmt.Sprintf("节点%d", k), Due: fmt.Sprintf("2026-%02d-15", k+5)})
			}
			plan.Tasks = append(plan.Tasks, task)
		}
		if _, _, err := db.ImportPlan(ctx, PlanImport{SourceName: plan.Title, SourceSHA256: sha(plan.Title), Format: "text", Plan: plan}); err != nil {
			t.Fatal(err)
		}
		page, err := db.FindTaskPage(ctx, TaskFilter{Limit: 50})
		if err != nil || len(page.Items) != len(plan.Tasks) {
			t.Fatalf("%d tasks, %v", len(page.Items), err)
		}
		for i, got := range page.Items {
			want := plan.Tasks[i]
			if got.Title != want.Title || !slices.Equal(got.Units, nonNil(want.Units)) || !slices.Equal(got.LeadUnits, nonNil(want.LeadUnits)) ||
				!slices.Equal(got.Deadlines, nonNil(want.Deadlines)) || !slices.Equal(got.Targets, nonNil(want.Targets)) ||
				!slices.Equal(got.Milestones, nonNil(want.Milestones)) || len(got.MilestoneDone) != len(want.Milestones) {
				t.Errorf("task %d: got %+v, want %+v", i, got, want)
			}
			for k, u := range got.UnitLinks {
				if u.Name != want.Units[k] || u.Lead != (k == 0) {
					t.Errorf("task %d unit %d: %+v", i, k, u)
				}
			}
			one, err := db.FindTaskByID(ctx, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(one.Units, got.Units) || !slices.Equal(one.Deadlines, got.Deadlines) || !slices.Equal(one.Targets, got.Targets) ||
				!slices.Equal(one.Milestones, got.Milestones) || !slices.Equal(one.UnitLinks, got.UnitLinks) {
				t.Errorf("task %d: the list has %+v, its own read %+v", i, got, one)
			}
		}
	})
}
