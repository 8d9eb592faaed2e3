package cli

import (
	"context"
	"testing"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/records"
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
