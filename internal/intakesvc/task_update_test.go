package intakesvc

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestUpdateRegisteredTask: a task in the ledger is corrected by the
// rules the review page keeps, whoever calls (the API's PATCH passes no
// plan): the title is not blank, a unit chosen by id exists, and a unit
// given by name is a registered one (by name or alias) and is linked to
// it, or refused; a name the task was confirmed with unlinked may stay.
func TestUpdateRegisteredTask(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			s := newService(t, kind)
			fgw, err := s.Store.(*store.DB).CreateUnit(ctx, audit.System, records.UnitCreate{Name: "市发展和改革委员会", Aliases: []string{"市发改委"}, Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			plan, tasks := importDraft(t, s)
			if _, err := s.Confirm(ctx, office, actor, plan, true); err != nil {
				t.Fatal(err)
			}
			two := tasks[1].ID // 市财政局: not in the registry, confirmed unlinked

			blank := " "
			if _, err := s.UpdateTask(ctx, office, actor, 0, two, records.TaskUpdate{Title: &blank}); problem(err) != "title:error.required" {
				t.Errorf("blank title: %v", err)
			}
			for _, c := range []struct {
				name  string
				links []records.UnitLink
				want  string
			}{
				{"unknown id", []records.UnitLink{{Name: "市发改委", UnitID: 4242}}, "units:error.unit_not_found"},
				{"unregistered name", []records.UnitLink{{Name: "市未登记局", Lead: true}}, "units:plans.error.unit_unregistered"},
				{"blank name", []records.UnitLink{{Name: " "}}, "units:plans.error.unit_name"},
			} {
				if _, err := s.UpdateTask(ctx, office, actor, 0, two, records.TaskUpdate{Units: &c.links}); problem(err) != c.want {
					t.Errorf("%s: %v, want %s", c.name, err, c.want)
				}
			}
			after, err := s.Store.FindTaskByID(ctx, two)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(after.Units, []string{"市财政局"}) || slices.ContainsFunc(after.Units, func(u string) bool { return u == "市未登记局" }) {
				t.Errorf("refused edits changed the units: %v", after.Units)
			}

			// By alias: linked to the registry's unit. The name confirmed
			// unlinked may be kept beside it.
			links := []records.UnitLink{{Name: "市发改委", Lead: true}, {Name: "市财政局"}}
			got, err := s.UpdateTask(ctx, office, actor, 0, two, records.TaskUpdate{Units: &links})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Units, []string{"市发改委", "市财政局"}) || !reflect.DeepEqual(got.UnitIDs, []int64{fgw.ID}) {
				t.Errorf("by name: units %v, ids %v; want 市发改委 linked to %d", got.Units, got.UnitIDs, fgw.ID)
			}
		})
	}
}
