package plandoc

import (
	"reflect"
	"testing"
)

// 次 after a numeral counts occasions; only a 次 that stands alone before
// 年 means "next year".
func TestCountedTimesIsNotNextYear(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"组织一次年底消防演练。", []string{"2025-12-31"}},
		{"开展两次年终评议。", []string{"2025-12-31"}},
		{"每次年底盘点库存。", []string{"2025-12-31"}},
		{"次年3月底前完成验收。", []string{"2026-03-31"}},
		{"资金结余次年底前收回。", []string{"2026-12-31"}},
	}
	for _, tt := range tests {
		got := deadlineKeys(deadlinesOf(tt.text, 2025))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A date after 截至 ("as of") or 已 ("already") reports a state; a span of
// years is due at the end of its last year.
func TestStatesAndYearSpans(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"截至6月底完成造林1.2万亩，全年力争完成3万亩。", nil},
		{"已于4月建成污水处理站一座。", nil},
		{"截止2025年9月30日前提交申报材料。", []string{"2025-09-30"}},
		{"截至2025年底前完成改造。", []string{"2025-12-31"}},
		{"2025-2027年累计改造老旧小区40个。", []string{"2027-12-31"}},
		{"2025～2026年建成口袋公园12处。", []string{"2026-12-31"}},
		{"2027-2025年", nil},
		{"按照全县林业发展规划（2025-2030年）推进造林。", nil},
	}
	for _, tt := range tests {
		got := deadlineKeys(deadlinesOf(tt.text, 2025))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
