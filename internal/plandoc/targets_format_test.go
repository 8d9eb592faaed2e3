package plandoc

import (
	"reflect"
	"strconv"
	"testing"
)

func TestTargetFormats(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// Thousands separators, with or without a space before the unit.
		{"新增高标准农田约3,200亩", []string{"3200 亩"}},
		{"培训新型职业农民12,000 人次", []string{"12000 人次"}},
		{"完成造林1,250,000株、改造林地2,400公顷", []string{"1250000 株", "2400 公顷"}},
		{"新增綠地180公頃", []string{"180 公頃"}},
		// 场次 is its own unit; a count may be scaled by 万.
		{"举办惠民演出60场次", []string{"60 场次"}},
		{"吸纳就业2万名", []string{"2 万名"}},
		{"培育家庭农场300家、合作社1.5万个", []string{"300 家", "1.5 万个"}},
		{"新增光伏装机12万千瓦，增加床位800张", []string{"12 万千瓦", "800 张"}},
		{"婴儿死亡率控制在5‰以下，服务企业3000家次", []string{"5 ‰", "3000 家次"}},
		// A count that announces the list after its colon is no goal.
		{"民生实事10项：新建公园；改造菜场", nil},
		// A tally of the measures listed under a field is no goal either.
		{"（二）生态保护方面4项。", nil},
		{"生态保护方面完成整改4项", []string{"4 项"}},
		// A figure glued to 项目 is a name or a house number.
		{"推进人民路66项目和东门8号地块改造", nil},
		{"7.500人才公寓建设", nil},
		{"开工8个项目，完成12项工程", []string{"8 个", "12 项"}},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range targetsOf(tt.text) {
			got = append(got, strconv.FormatFloat(g.Value, 'f', -1, 64)+" "+g.Unit)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("targetsOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTimeLimitTargets(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"群众诉求三个工作日内办结", []string{"3 个工作日"}},
		{"接报后2小时内到达现场", []string{"2 小时"}},
		{"自受理之日起15日内答复", []string{"15 日"}},
		// A horizon, a date and a span of months are no time limits.
		{"做好本县列入全国120个农村改革试验区的相关工作", nil},
		{"全国推广200个典型案例", []string{"200 个"}},
		{"5年内引进高层次人才200名", []string{"200 名"}},
		{"6个月内完成整改", nil},
		{"6月30日内报送", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range targetsOf(tt.text) {
			got = append(got, strconv.FormatFloat(g.Value, 'f', -1, 64)+" "+g.Unit)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("targetsOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
