package plandoc

import "testing"

// A closing paragraph addressed to all units is no part of the last item.
func TestClosingRemarksLeaveLastItem(t *testing.T) {
	p := parseProse(t, `某县2026年文明城市创建任务分工
（一）整治背街小巷20条。（县城管局）
（二）新建公益广告牌100块，6月底前完成。（县委宣传部）

各责任单位要于每月25日前将进展报送县创建办。

某县文明城市创建指挥部
2026年2月10日`)
	if len(p.Tasks) != 2 {
		t.Fatalf("tasks = %d, want 2", len(p.Tasks))
	}
	if ds := p.Tasks[1].Deadlines; len(ds) != 1 || ds[0].Every != "" {
		t.Errorf("last item's deadlines = %+v, want only its own 6月底前", ds)
	}
}
