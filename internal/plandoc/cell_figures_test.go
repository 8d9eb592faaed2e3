package plandoc

import (
	"strings"
	"testing"
)

// Bare numbers that are cells, not row numbers; invented examples.

// A count column (年度目标（处）) between the task and the unit: its bare
// number, followed by the unit cell, is a cell of the row, and a bare month
// in the time column is due at that month's end.
func TestCountColumnIsNoRowNumber(t *testing.T) {
	p := parseText(t, `西河区2025年便民实事项目表
序号
实事项目
年度目标（处）
责任单位
完成时间
1
建设社区便民服务站
3
区商务局
11月
2
新增城市书房
4
区文旅局
8月
3
改造农贸市场
2
区市场监管局
12月`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "建设社区便民服务站", "区商务局", "", 0},
		{"2", "新增城市书房", "区文旅局", "", 0},
		{"3", "改造农贸市场", "区市场监管局", "", 0},
	})
	for i, due := range []string{"2025-11-30", "2025-08-31", "2025-12-31"} {
		ds := p.Tasks[i].Deadlines
		if len(ds) != 1 || ds[0].Due != due {
			t.Errorf("task %d deadlines %+v, want %s", i+1, ds, due)
		}
	}
	if !strings.Contains(p.Tasks[0].Text, "3") {
		t.Errorf("row 1 lost its count cell: %q", p.Tasks[0].Text)
	}
	for i, want := range []float64{3, 4, 2} {
		tg := p.Tasks[i].Targets
		if len(tg) != 1 || tg[0].Value != want || tg[0].Unit != "处" {
			t.Errorf("task %d targets %+v, want %v处", i+1, tg, want)
		}
	}
}

// A row whose count cell is empty: the next number is the next row even
// when its task ends like a unit (服务站).
func TestRowAfterAnEmptyCountCell(t *testing.T) {
	p := parseText(t, `西河区2025年便民实事项目表
序号
实事项目
年度目标（处）
责任单位
完成时间
1
新增城市书房
4
区文旅局
8月
2
建设社区卫生服务站
区卫健局
10月`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "新增城市书房", "区文旅局", "", 0},
		{"2", "建设社区卫生服务站", "区卫健局", "", 0},
	})
}

// A sheet with neither header nor chapter rows, its weight right after each
// item: the scoring lines after the weight are no progress steps.
func TestFlatSheetWeightAfterItem(t *testing.T) {
	p := parseText(t, `某街道2025年度文明创建考核细则
1
开展志愿服务活动
15
全年活动少于12次的扣5分。
每少一次再扣1分。
2
整治背街小巷环境
25
发现卫生死角的每处扣2分。
3
建设新时代文明实践站
10
未建成的扣10分。`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "开展志愿服务活动", "", "", 15},
		{"2", "整治背街小巷环境", "", "", 25},
		{"3", "建设新时代文明实践站", "", "", 10},
	})
	for _, task := range p.Tasks {
		if len(task.Milestones) > 0 {
			t.Errorf("task %v has milestones %+v", task.Path, task.Milestones)
		}
	}
}
