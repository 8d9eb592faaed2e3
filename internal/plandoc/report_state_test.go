package plandoc

import (
	"reflect"
	"testing"
)

// The account of how work stands (总体情况, 推进情况) describes; its figures
// are results, not targets, and the chapter is no task.
func TestStateOfWorkChapterIsNoTask(t *testing.T) {
	p := parseProse(t, `某区2026年上半年重点项目推进情况通报
一、总体情况
截至6月底，全区42个重点项目中已开工38个，完成投资56亿元。
二、下步工作
（一）加快滞后项目建设。区发改局牵头，7月底前完成。`)
	if want := []string{"二/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}

// A chapter headed by 目标 alone (or 行动目标, 建设目标) sets goals.
func TestBareGoalChapter(t *testing.T) {
	p := parseProse(t, `某县2026年快递进村行动计划
一、目标
到2026年底，建制村快递服务通达率100%。
二、主要任务
（一）建设村级寄递物流综合服务站80个。（县邮政管理局）`)
	if want := []string{"二/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}
