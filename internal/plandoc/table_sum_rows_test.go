package plandoc

import "testing"

// A 合计 row is no task, whether or not the table has a 序号 column.
func TestSumRowIsNoTask(t *testing.T) {
	rows := [][]string{
		{"项目名称", "责任单位", "计划投资（万元）", "完成时间"},
		{"新建消防站", "县消防救援大队", "1200", "2026年10月"},
		{"合 计", "", "1200", ""},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 1 {
		t.Errorf("got %d tasks, want 1", len(tasks))
	}
}
