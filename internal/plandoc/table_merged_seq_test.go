package plandoc

import (
	"reflect"
	"testing"
)

// Rows under one merged 序号, each with its own task and deadline, are
// tasks 1.1 and 1.2; a row that only adds a measure stays in its task.
func TestMergedSeqOverSeveralTasks(t *testing.T) {
	rows := [][]string{
		{"序号", "重点任务", "具体措施", "责任单位", "完成时限"},
		{"1", "建设口袋公园", "选址", "市园林局", "2026年3月底前"},
		{"1", "建设口袋公园", "施工", "市园林局", "2026年3月底前"},
		{"2", "改造雨污管网6公里", "", "市水务局", "2026年6月底前"},
		{"2", "新建排涝泵站2座", "", "市水务局", "2026年9月底前"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 3 {
		t.Fatalf("got %d tasks, want 3", len(tasks))
	}
	var paths [][]string
	for _, task := range tasks {
		paths = append(paths, task.Path)
	}
	if want := [][]string{{"1"}, {"2", "1"}, {"2", "2"}}; !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
	if got := tasks[2].Deadlines; len(got) != 1 || got[0].Due != "2026-09-30" {
		t.Errorf("deadlines of 2.2 = %+v, want 2026-09-30", got)
	}
}
