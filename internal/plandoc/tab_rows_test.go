package plandoc

import "testing"

// A table copied from a spreadsheet into a text file: one row per line,
// cells separated by tabs, empty cells kept.
func TestTabSeparatedRows(t *testing.T) {
	p := parseText(t, "某区2025年重点任务清单\n"+
		"序号\t重点任务\t责任单位\t完成时限\n"+
		"1\t建成智慧园区二期\t区经信局、区发改局\t2025年底前\n"+
		"2\t推进老旧厂房改造\t\t2025年6月底前\n"+
		"3\t推进标准厂房招商\t区商务委\n")
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "建成智慧园区二期", "区经信局、区发改局", "", 0},
		{"2", "推进老旧厂房改造", "", "", 0},
		{"3", "推进标准厂房招商", "区商务委", "", 0},
	})
	if d := p.Tasks[1].Deadlines; len(d) != 1 || d[0].Due != "2025-06-30" {
		t.Errorf("deadlines of row 2 = %+v", d)
	}
}

// Tabs that align numbered prose make no table.
func TestTabsInProseAreNoTable(t *testing.T) {
	p := parseText(t, "某县2025年工作要点\n一、\t主要任务\n1.\t加强组织领导。（责任单位：县委办）\n2.\t强化督查考核。（责任单位：县督考办）\n")
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "加强组织领导", "县委办", "", 0},
		{"一/2", "强化督查考核", "县督考办", "", 0},
	})
}
