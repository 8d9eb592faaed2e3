package plandoc

import "testing"

// A range of months written with 月 after both ends ends on its last month.
func TestMonthRangeWithBothMonths(t *testing.T) {
	ds := deadlinesOf("开展美国白蛾普查（县林业局，7月至9月）", 2026)
	if len(ds) != 1 || ds[0].Due != "2026-09-30" {
		t.Errorf("deadlines = %+v, want one due 2026-09-30", ds)
	}
	if ds := deadlinesOf("组织汛期巡查（镇水利站，8月到6月）", 2026); len(ds) == 1 && ds[0].Due == "2026-06-30" && ds[0].Text == "8月到6月" {
		t.Errorf("a backward range read as a deadline: %+v", ds)
	}
}
