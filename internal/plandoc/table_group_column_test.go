package plandoc

import (
	"reflect"
	"testing"
)

// A 一级指标 column held over its 二级指标 rows is a level of their paths,
// named without its subtotal, whether the cell repeats (a merged cell read
// from xlsx or docx) or is left empty below (CSV), and written vertically.
func TestGroupColumnIsPathLevel(t *testing.T) {
	rows := [][]string{
		{"一级指标", "二级指标", "分值", "考核部门"},
		{"安全生产（30分）", "事故起数控制", "20", "市应急局"},
		{"", "隐患整改率", "10", "市应急局"},
		{"绿\n色\n发\n展", "单位能耗下降", "15", "市发改委"},
		{"绿\n色\n发\n展", "新增造林面积", "15", "市林业局"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 4 {
		t.Fatalf("got %d tasks, want 4", len(tasks))
	}
	var paths [][]string
	for _, task := range tasks {
		paths = append(paths, task.Path)
	}
	want := [][]string{{"安全生产", "1"}, {"安全生产", "2"}, {"绿色发展", "3"}, {"绿色发展", "4"}}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
}

// A column left of the task whose values change on every row is no group.
func TestNoGroupColumnWhenValuesDiffer(t *testing.T) {
	rows := [][]string{
		{"类别", "工作任务", "责任单位"},
		{"交通", "新建停车场2个", "市交通局"},
		{"教育", "新建幼儿园1所", "市教育局"},
		{"卫生", "新建卫生院1个", "市卫健委"},
	}
	tasks, _ := tableTasks(rows, nil, 2026)
	if len(tasks) != 3 || len(tasks[0].Path) != 1 {
		t.Errorf("tasks = %+v, want 3 tasks with one-level paths", tasks)
	}
}
