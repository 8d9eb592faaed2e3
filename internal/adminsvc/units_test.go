package adminsvc

import (
	"context"
	"slices"
	"testing"

	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/store/storetest"
)

// TestUnitRules: a unit has a name, a known kind ("other" when none is
// given), aliases that do not repeat the name, a registered parent that is
// not under itself, and well-formed e-mail; the refusals name the field.
func TestUnitRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		p, actor := f.who["office"], f.actor("office")
		for _, c := range []struct {
			in   records.UnitCreate
			want string
		}{
			{records.UnitCreate{Name: "  "}, "invalid name=error.required"},
			{records.UnitCreate{Name: "市审计局", Kind: "ministry"}, "invalid kind=error.kind_invalid"},
			{records.UnitCreate{Name: "市审计局", Aliases: []string{"审计局", "市审计局"}}, "invalid aliases=error.alias_is_name"},
			{records.UnitCreate{Name: "市审计局", ParentID: 999}, "invalid parent=error.unit_not_found"},
			{records.UnitCreate{Name: "市审计局", Email: "not an address"}, "invalid email=error.email_invalid"},
			{records.UnitCreate{Name: "市法制办"}, "conflict name=error.unit_name_taken"},
		} {
			if _, err := f.svc.CreateUnit(ctx, p, actor, c.in); refusal(err) != c.want {
				t.Errorf("create %+v: %v, want %s", c.in, err, c.want)
			}
		}
		u, err := f.svc.CreateUnit(ctx, p, actor, records.UnitCreate{Name: " 市审计局 ", Aliases: []string{"审计局", " ", "审计局"},
			ParentID: f.unitA, Email: "sjj@example.gov.cn"})
		if err != nil || u.Name != "市审计局" || u.Kind != records.UnitOther || !slices.Equal(u.Aliases, []string{"审计局"}) {
			t.Fatalf("create: %+v %v", u, err)
		}

		// A partial update changes what it names and keeps the rest.
		aliases := []string{"审计局", "市审计"}
		got, err := f.svc.UpdateUnit(ctx, p, actor, u.ID, records.UnitUpdate{Aliases: &aliases})
		if err != nil || got.Name != "市审计局" || got.ParentID != f.unitA || got.Email != "sjj@example.gov.cn" || len(got.Aliases) != 2 {
			t.Errorf("update aliases only: %+v %v", got, err)
		}
		same := []string{"市审计局"}
		empty, self, under := "", u.ID, f.unitB
		for _, c := range []struct {
			name string
			up   records.UnitUpdate
			want string
		}{
			{"an alias repeating the kept name", records.UnitUpdate{Aliases: &same}, "invalid aliases=error.alias_is_name"},
			{"an emptied name", records.UnitUpdate{Name: &empty}, "invalid name=error.required"},
			{"under itself", records.UnitUpdate{ParentID: &self}, "invalid parent=error.parent_cycle"},
		} {
			if _, err := f.svc.UpdateUnit(ctx, p, actor, u.ID, c.up); refusal(err) != c.want {
				t.Errorf("update %s: %v, want %s", c.name, err, c.want)
			}
		}
		// 市财政局 sits under 市法制办: moving 市法制办 under it is a loop.
		if _, err := f.svc.UpdateUnit(ctx, p, actor, f.unitA, records.UnitUpdate{ParentID: &under}); refusal(err) != "invalid parent=error.parent_cycle" {
			t.Errorf("update under its own descendant: %v", err)
		}
		if got, _ := db.FindUnitByID(ctx, u.ID); got.Name != "市审计局" || len(got.Aliases) != 2 {
			t.Errorf("a refused update changed the unit: %+v", got)
		}
	})
}
