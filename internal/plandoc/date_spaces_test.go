package plandoc

import (
	"reflect"
	"testing"
)

func TestDatesWithSpaces(t *testing.T) {
	tests := []struct {
		text     string
		want     []string
		wantText string
	}{
		{"力争于 2026 年底前全面建成", []string{"2026-12-31"}, "力争于 2026 年底前"},
		{"在 2027 年中完成主体工程", []string{"2027-06-30"}, "在 2027 年中"},
		{"2025 年 9 月底前出台细则", []string{"2025-09-30"}, "2025 年 9 月底前"},
		{"于 2024 年 11 月 15 日前报送", []string{"2024-11-15"}, "于 2024 年 11 月 15 日前"},
		{"11 月底前完成摸底", []string{"2021-11-30"}, "11 月底前"},
		// Spaces between two figures are not squeezed: they are two numbers.
		{"比 2020 年增长 5 个百分点", nil, ""},
	}
	for _, tt := range tests {
		ds := deadlinesOf(tt.text, 2021)
		if got := deadlineKeys(ds); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		if len(ds) > 0 && ds[0].Text != tt.wantText {
			t.Errorf("deadlinesOf(%q) text %q, want %q", tt.text, ds[0].Text, tt.wantText)
		}
	}
}
