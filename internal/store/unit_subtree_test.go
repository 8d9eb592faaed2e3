package store

import (
	"context"
	"slices"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/records"
)

// TestUnitSubtree: a county's subtree is the county, its bureau and the
// bureau's office two levels down, and not its neighbour county; two
// roots give both subtrees; none gives none.
func TestUnitSubtree(t *testing.T) {
	forEachKind(t, func(t *testing.T, opts Options) {
		ctx := context.Background()
		db := openWith(t, opts)
		unit := func(name string, parent int64) int64 {
			u, err := db.CreateUnit(ctx, audit.System, records.UnitCreate{Name: name, ParentID: parent, Kind: records.UnitOther})
			if err != nil {
				t.Fatal(err)
			}
			return u.ID
		}
		county := unit("鹿城区政府", 0)
		bureau := unit("鹿城区发改局", county)
		office := unit("鹿城区发改局办公室", bureau)
		other := unit("龙湾区政府", 0)
		town := unit("永中街道", other)
		for _, c := range []struct {
			roots, want []int64
		}{
			{[]int64{county}, []int64{county, bureau, office}},
			{[]int64{bureau}, []int64{bureau, office}},
			{[]int64{county, other}, []int64{county, bureau, office, other, town}},
			{nil, []int64{}},
		} {
			got, err := db.UnitSubtree(ctx, c.roots)
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(c.want)
			if !slices.Equal(got, c.want) {
				t.Errorf("UnitSubtree(%v) = %v, want %v", c.roots, got, c.want)
			}
		}
	})
}
