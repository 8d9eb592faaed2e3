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
