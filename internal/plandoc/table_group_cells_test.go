package plandoc

import (
	"reflect"
	"testing"
)

// A group row with its number in the 序号 cell and its heading in the next
// cells labels the rows numbered again from 1 under it.
func TestNumberedGroupRowInCells(t *testing.T) {
	rows := [][]string{
		{"序号", "工作任务", "责任单位", "完成时限"},
		{"一、", "交通", "交通", "交通"},
		{"1、", "新建公交站台12个", "市交通局", "2026年6月底前"},
		{"二、", "教育", "", ""},
		{"1、", "改造薄弱学校3所", "市教育局", "2026年8月底前"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2", len(tasks))
	}
	if !reflect.DeepEqual(tasks[0].Path, []string{"一", "1"}) || !reflect.DeepEqual(tasks[1].Path, []string{"二", "1"}) {
		t.Errorf("paths = %q, %q; want [一 1], [二 1]", tasks[0].Path, tasks[1].Path)
	}
}
