package cli

import (
	"context"
	"slices"
	"testing"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/units"
)

// TestDemoUnitGroups: the demo has its counties and its city departments
// as groups, so the ranking's group selector has something to choose;
// each group's ranking this year holds its members only, placed from 1
// among themselves, and the departments' has places to show.
func TestDemoUnitGroups(t *testing.T) {
	app, _ := openDemoOn(t, "2026-12-06")
	ctx := context.Background()
	leader := authz.Principal{Username: "lingdao", Role: authz.Leader}
	groups, err := app.Assess.Groups(ctx, leader)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]records.Group{}
	for _, g := range groups {
		byName[g.Name] = g
	}
	year, _ := ledger.PeriodOf("year", app.Assess.Today())
	for _, name := range []string{"县市区", "市直部门"} {
		g, ok := byName[name]
		if !ok || len(g.Members) < 3 {
			t.Fatalf("demo group %s: %+v", name, g)
		}
		sc, err := app.Assess.GroupRanking(ctx, leader, year, g.ID)
		if err != nil {
			t.Fatal(err)
		}
		ranked := 0
		for _, s := range sc.Scores {
			if !g.Has(s.UnitID) {
				t.Errorf("%s's ranking holds %s, not a member", name, s.Unit)
			}
			if s.Rank > 0 {
				ranked++
				if s.Rank > ranked {
					t.Errorf("%s: %s placed %d of %d ranked so far", name, s.Unit, s.Rank, ranked)
				}
			}
		}
		if name == "市直部门" && (ranked < 2 || sc.Scores[0].Rank != 1) {
			t.Errorf("%s ranks %d units this year (first %+v)", name, ranked, sc.Scores[0])
		}
		t.Logf("%s: %d members, %d ranked", name, len(g.Members), ranked)
	}
}

// TestDemoPassDown: the demo's 各县（市、区）政府 stands for the group
// 县市区, and each of its registered tasks is passed down (分解下达): one
// sub-task per county, each with the parent's title and deadline, and
// every county holds one of each — but the task 市法制办 split itself
// (TestDemoHasASplitTask), which the demo leaves as split.
func TestDemoPassDown(t *testing.T) {
	app, _ := openDemoOn(t, "2026-12-06")
	ctx := context.Background()
	reg, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var catchAll records.Unit
	for _, u := range reg {
		if units.Normalize(u.Name) == units.Normalize(demoCatchAll.unit) {
			catchAll = u
		}
	}
	if catchAll.MembersGroupID == 0 {
		t.Fatalf("the demo's %s stands for no group: %+v", demoCatchAll.unit, catchAll)
	}
	g, err := app.Store.FindUnitGroupByID(ctx, catchAll.MembersGroupID)
	if err != nil || g.Name != demoCatchAll.group || len(g.Members) != len(demoCounties) {
		t.Fatalf("its group %+v %v", g, err)
	}
	tasks, _, err := app.Store.FindTasks(ctx, records.TaskFilter{UnitID: catchAll.ID, Registered: true, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	parents, held := 0, map[int64]int{}
	for _, tk := range tasks {
		if tk.ParentID != 0 || tk.Due == "" || !ledger.Workflow(tk.Status).Open() {
			continue
		}
		parents++
		kids, err := app.Store.FindSubtasks(ctx, tk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(kids, func(k records.Task) bool { return len(k.UnitIDs) == 1 && !g.Has(k.UnitIDs[0]) }) {
			parents--
			continue // split by its lead unit (seedDemoSubtasks)
		}
		for _, k := range kids {
			if len(k.UnitIDs) != 1 {
				t.Errorf("sub-task %d has units %v", k.ID, k.UnitIDs)
				continue
			}
			held[k.UnitIDs[0]]++
			if k.Due != tk.Due || k.Title != tk.Title {
				t.Errorf("sub-task %d %q due %s of task %q due %s", k.ID, k.Title, k.Due, tk.Title, tk.Due)
			}
		}
	}
	if parents == 0 {
		t.Fatal("no open task of 各县（市、区）政府 with a deadline in the demo")
	}
	for _, m := range g.Members {
		if held[m] != parents {
			t.Errorf("county %d holds %d sub-tasks of the %d tasks passed down, want one each", m, held[m], parents)
		}
	}
	t.Logf("%d tasks passed down to %d counties", parents, len(g.Members))
}
