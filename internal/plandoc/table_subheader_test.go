package plandoc

import (
	"reflect"
	"testing"
)

// A unit column headed over two rows (责任单位 over 牵头/配合) gives two unit
// columns, the first the lead one, and the sub-header row is no task.
func TestTwoRowUnitHeader(t *testing.T) {
	rows := [][]string{
		{"序号", "重点任务", "责任单位", "责任单位", "完成时限"},
		{"序号", "重点任务", "牵头", "配合", "完成时限"},
		{"1", "新建城区公厕20座", "区城管局", "区财政局、各街道", "2026年6月底前"},
		{"2", "整治背街小巷8条", "区住建局", "区交通局", "长期"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2", len(tasks))
	}
	if want := []string{"区城管局", "区财政局", "各街道"}; !reflect.DeepEqual(tasks[0].Units, want) {
		t.Errorf("units = %q, want %q", tasks[0].Units, want)
	}
	if want := []string{"区城管局"}; !reflect.DeepEqual(tasks[0].LeadUnits, want) {
		t.Errorf("lead = %q, want %q", tasks[0].LeadUnits, want)
	}
}

// Two tables one under the other on one sheet: the second's header gives
// its own columns, so its deadline column is not read as units.
func TestSecondTableHeaderInSheet(t *testing.T) {
	rows := [][]string{
		{"序号", "项目名称", "建设内容", "责任单位", "完成时间"},
		{"1", "东湖公园", "新建步道3公里", "市园林局", "2026年5月"},
		{"表二：改革事项", "", "", "", ""},
		{"序号", "改革事项", "责任单位", "完成时间", ""},
		{"1", "推行并联审批", "市审批局", "2026年8月", ""},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2", len(tasks))
	}
	last := tasks[1]
	if want := []string{"市审批局"}; !reflect.DeepEqual(last.Units, want) {
		t.Errorf("units = %q, want %q", last.Units, want)
	}
	if len(last.Deadlines) != 1 || last.Deadlines[0].Due != "2026-08-31" {
		t.Errorf("deadlines = %+v, want 2026-08-31", last.Deadlines)
	}
}

// A goal column split into years by a second header row keeps each year's
// value apart, after its year.
func TestYearSubColumnsNamed(t *testing.T) {
	rows := [][]string{
		{"序号", "指标名称", "年度目标", "年度目标", "责任单位"},
		{"序号", "指标名称", "2026年", "2027年", "责任单位"},
		{"1", "城市生活垃圾回收利用率", "35%", "40%", "市城管局"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 1 {
		t.Fatalf("got %d tasks, want 1", len(tasks))
	}
	if want := "城市生活垃圾回收利用率\n2026年：35%；2027年：40%"; tasks[0].Text != want {
		t.Errorf("text = %q, want %q", tasks[0].Text, want)
	}
	if len(tasks[0].Targets) != 2 {
		t.Errorf("targets = %+v, want 35%% and 40%%", tasks[0].Targets)
	}
}

// A time column split into start and end dates gives the end date as the
// deadline, not the start.
func TestTimeColumnEndPart(t *testing.T) {
	rows := [][]string{
		{"序号", "项目名称", "责任单位", "时间安排", "时间安排"},
		{"序号", "项目名称", "责任单位", "开工时间", "完工时间"},
		{"1", "污水泵站新建", "县水务局", "2026年2月", "2026年8月"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 1 {
		t.Fatalf("got %d tasks, want 1", len(tasks))
	}
	if d := tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2026-08-31" {
		t.Errorf("deadlines = %+v, want only 2026-08-31", d)
	}
}
