package plandoc

import (
	"reflect"
	"testing"
)

// A responsibility field written inside the item's line, after a full stop
// or a gap of spaces, assigns the task; a label without its colon is prose.
func TestInlineResponsibilityFields(t *testing.T) {
	cases := []struct {
		text  string
		units []string
	}{
		{"1.问题：村级账目公开不及时。整改措施：按季度公开村务财务。责任单位：镇经管站、镇纪委。整改时限：2026年3月底前。", []string{"镇经管站", "镇纪委"}},
		{"（二）新建社区食堂8个。牵头领导：周副区长  责任单位：区民政局  完成时限：10月底前", []string{"区民政局"}},
		{"（三）建立问题台账。各责任单位要逐项销号，责任单位要定期报送。", nil},
	}
	for _, c := range cases {
		var units []string
		for _, n := range notesOf(c.text) {
			units = append(units, n.units...)
		}
		if !reflect.DeepEqual(units, c.units) {
			t.Errorf("%s: units %q, want %q", c.text, units, c.units)
		}
	}
}

// A rectification list under a heading that opens with 问题 (问题清单及整改
// 措施) is the plan's work when its items name their responsible units.
func TestProblemListChapterKeepsAssignedItems(t *testing.T) {
	p := parseProse(t, `某镇巡察反馈问题整改方案
一、问题清单及整改措施
1.问题：村级账目公开不及时。整改措施：按季度公开。责任单位：镇经管站。整改时限：2026年3月底前。
2.问题：集体资产底数不清。整改措施：开展清产核资。责任单位：镇农业服务中心。整改时限：2026年6月底前。
二、工作要求
（一）压实责任。各单位主要负责人亲自抓。`)
	if want := []string{"一/1", "一/2", "二/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}
