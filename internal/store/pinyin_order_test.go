package store

import (
	"context"
	"slices"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/records"
)

// TestListsInPinyinOrder: units, unit groups and accounts come back in
// the pinyin order of their names (cai, fa, jiao, zhu), on SQLite and on
// PostgreSQL alike, where ORDER BY name sorts by code point (住 < 发 <
// 教 < 财) or by the server's own collation.
func TestListsInPinyinOrder(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		names := []string{"住建局", "教育局", "财政局", "发改委"}
		want := []string{"财政局", "发改委", "教育局", "住建局"}
		for i, n := range names {
			if _, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: n, Kind: records.UnitOther}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.CreateUnitGroup(ctx, audit.System, records.GroupInput{Name: n + "组"}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.CreateUser(ctx, audit.System, UserCreate{Username: "u" + string(rune('d'-i)), DisplayName: n + "联络员",
				PasswordHash: "x", Role: authz.Office}); err != nil {
				t.Fatal(err)
			}
		}
		us, err := db.FindUnits(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range us {
			got = append(got, u.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("units in the order %v, want %v", got, want)
		}
		gs, err := db.FindUnitGroups(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = got[:0]
		for _, g := range gs {
			got = append(got, g.Name[:len(g.Name)-len("组")])
		}
		if !slices.Equal(got, want) {
			t.Errorf("groups in the order %v, want %v", got, want)
		}
		people, err := db.FindUsers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = got[:0]
		for _, u := range people {
			if n := u.DisplayName; len(n) > len("联络员") {
				got = append(got, n[:len(n)-len("联络员")])
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("accounts in the order %v, want %v", got, want)
		}
	})
}
