package plandoc

import (
	"slices"
	"testing"
)

func TestSplitPoints(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []int
	}{
		{"every boundary between items", "建立台账。每月调度；年底考核", []int{1, 2}},
		{"trailing responsibility note stays with its sentence",
			"推行企业开办一网通办。全面推行线上办理；年底前实现全流程网办。（责任单位：市市场监管局）", []int{1, 2}},
		{"a note ended by its own full stop, then a new item",
			"建立联席会议制度。〔牵头单位：市商务局〕。定期通报工作进展。", []int{2}},
		{"half-width note", "建立统计台账;(责任单位:市统计局)", nil},
		{"several notes in a row", "压减审批时间。（牵头单位：市住建局）【时限：2026年底前】", nil},
		{"a semicolon inside a note separates no items",
			"完善考核办法。（牵头单位：市发改委；配合单位：市财政局）", nil},
		{"a semicolon inside a quoted name", "开展“减证便民；优化服务”行动。按季度通报进展。", []int{2}},
		{"a note followed by words is an item", "建立统计台账。（市统计局负责）每月调度一次。", []int{1}},
		{"a stray semicolon is no item", "建立统计台账。；每月调度一次。", []int{2}},
		{"an unmatched bracket encloses nothing", "建立统计台账（试行。每月调度一次。", []int{1}},
		{"a numbered sub-item in brackets is an item", "健全工作机制。（1）建立例会制度。", []int{1}},
		{"one sentence", "建立统计台账。", nil},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := SplitPoints(c.text)
			if !slices.Equal(got, c.want) {
				t.Errorf("SplitPoints(%q) = %v, want %v (sentences %q)", c.text, got, c.want, Sentences(c.text))
			}
			n := len(Sentences(c.text))
			for _, p := range got {
				if p < 1 || p >= n {
					t.Errorf("point %d outside 1..%d", p, n-1)
				}
			}
		})
	}
}

func FuzzSplitPoints(f *testing.F) {
	f.Add("推行企业开办一网通办。（责任单位：市市场监管局）")
	f.Add("完善考核办法。（牵头单位：市发改委；配合单位：市财政局）")
	f.Fuzz(func(t *testing.T, text string) {
		n := len(Sentences(text))
		prev := 0
		for _, p := range SplitPoints(text) {
			if p <= prev || p >= n {
				t.Fatalf("SplitPoints(%q): point %d after %d, %d sentences", text, p, prev, n)
			}
			prev = p
		}
	})
}
