package units

import (
	"slices"
	"testing"
)

// TestSortByPinyin: names come out in pinyin order (an, cai, fa, zhu),
// not in the code points' order (住 发 安 财), and equal names keep their
// order.
func TestSortByPinyin(t *testing.T) {
	type u struct {
		id   int
		name string
	}
	list := []u{{1, "市住建局"}, {2, "市发改委"}, {3, "市安监局"}, {4, "市财政局"}, {5, "市发改委"}}
	SortByPinyin(list, func(x u) string { return x.name })
	var got []int
	for _, x := range list {
		got = append(got, x.id)
	}
	if want := []int{3, 4, 2, 5, 1}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v (%v)", got, want, list)
	}
}
