package plandoc

import "testing"

// A bare spreadsheet day count in the deadline column is read as its date;
// a small number there is not.
func TestSerialDateInDeadlineColumn(t *testing.T) {
	rows := [][]string{
		{"序号", "工作任务", "责任单位", "完成时间"},
		{"1", "更新老旧电梯30部", "区市场监管局", "46203"},
		{"2", "建设托育点2个", "区卫健局", "12"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2", len(tasks))
	}
	if d := tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2026-06-30" {
		t.Errorf("deadlines = %+v, want 2026-06-30", d)
	}
	for _, d := range tasks[1].Deadlines {
		if d.Due < "2000" {
			t.Errorf("a small number became the date %q", d.Due)
		}
	}
}
