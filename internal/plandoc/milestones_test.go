package plandoc

import (
	"reflect"
	"testing"
)

func TestMilestonesWithTimeLines(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []Milestone
	}{
		{"time in a trailing bracket",
			[]string{"完成选址论证（3月底前）", "开工建设（2023年6月）"},
			[]Milestone{{Text: "完成选址论证", Due: "2022-03-31"}, {Text: "开工建设", Due: "2023-06-30"}}},
		{"time on a line of its own after the step",
			[]string{"### 建成统一受理平台。完成数据对接。", "2022/03 ~ 2022/10", "### 全面推广应用。", "2023/01 ~ 2023/06"},
			[]Milestone{{Text: "建成统一受理平台。完成数据对接", Due: "2022-10-31"}, {Text: "全面推广应用", Due: "2023-06-30"}}},
		{"a step wrapped over two lines",
			[]string{"制定实施细则，", "报县政府审定（2022年9月底前）"},
			[]Milestone{{Text: "制定实施细则，报县政府审定", Due: "2022-09-30"}}},
		{"a step without a time",
			[]string{"- 组织专家评审。"},
			[]Milestone{{Text: "组织专家评审"}}},
	}
	for _, tt := range tests {
		if got := milestonesOf(tt.lines, 2022); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: milestonesOf(%q) = %+v, want %+v", tt.name, tt.lines, got, tt.want)
		}
	}
}
