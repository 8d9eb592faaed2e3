package store

import (
	"context"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// TestCatchAllGroupLink: a catch-all unit stands for a group (分解下达)
// until the group is deleted; merged into a unit that stands for none it
// carries its group over; a group that does not exist is refused.
func TestCatchAllGroupLink(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		sys := audit.System
		county, _ := db.CreateUnit(ctx, sys, records.UnitCreate{Name: "甲县政府", Kind: records.UnitCounty})
		all, _ := db.CreateUnit(ctx, sys, records.UnitCreate{Name: "各县（市、区）政府", Kind: records.UnitGroup})
		other, _ := db.CreateUnit(ctx, sys, records.UnitCreate{Name: "各县市区", Kind: records.UnitGroup})
		g, err := db.CreateUnitGroup(ctx, sys, records.GroupInput{Name: "县市区", Members: []int64{county.ID}})
		if err != nil {
			t.Fatal(err)
		}
		missing := g.ID + 100
		if _, err := db.UpdateUnit(ctx, sys, all.ID, records.UnitUpdate{MembersGroupID: &missing}); err == nil {
			t.Error("a link to no group was stored")
		}
		u, err := db.UpdateUnit(ctx, sys, other.ID, records.UnitUpdate{MembersGroupID: &g.ID})
		if err != nil || u.MembersGroupID != g.ID {
			t.Fatalf("link = %+v %v", u, err)
		}
		if _, err := db.MergeUnit(ctx, sys, other.ID, all.ID); err != nil {
			t.Fatal(err)
		}
		if u, err := db.FindUnitByID(ctx, all.ID); err != nil || u.MembersGroupID != g.ID {
			t.Fatalf("after the merge the target stands for %+v %v", u, err)
		}
		if err := db.DeleteUnitGroup(ctx, sys, g.ID); err != nil {
			t.Fatal(err)
		}
		if u, err := db.FindUnitByID(ctx, all.ID); err != nil || u.MembersGroupID != 0 {
			t.Errorf("after the group's deletion the unit stands for %+v %v", u, err)
		}
	})
}
