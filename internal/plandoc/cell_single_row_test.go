package plandoc

import (
	"reflect"
	"testing"
)

// TestAnnexTableOfOneRow: an annex whose pasted table holds a single
// project is still a table — its header names the 序号 column — and gives
// its one task.
func TestAnnexTableOfOneRow(t *testing.T) {
	p := parseText(t, `某镇垃圾分类工作方案
一、主要任务
（一）完善收运体系。2025年底前实现行政村收运全覆盖。（责任单位：镇城建办）
附件
重点项目清单
序号
任务
责任单位
完成时限
1
建成镇级再生资源回收站一座
镇城建办
2025年9月底前
`)
	var annex []Task
	for _, task := range p.Tasks {
		if task.Path[0] == "附件" {
			annex = append(annex, task)
		}
	}
	if len(annex) != 1 || !reflect.DeepEqual(annex[0].Path, []string{"附件", "1"}) ||
		!reflect.DeepEqual(annex[0].Units, []string{"镇城建办"}) || len(annex[0].Deadlines) != 1 || annex[0].Deadlines[0].Due != "2025-09-30" {
		t.Fatalf("annex tasks %+v, want one row 附件/1 of 镇城建办 due 2025-09-30", annex)
	}
	for _, w := range p.Warnings {
		if !TaskWarning(w.Kind) {
			t.Errorf("a read annex is warned about: %+v", w)
		}
	}
}
