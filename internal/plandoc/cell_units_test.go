package plandoc

import "testing"

// Unit cells told apart from the text cells before them; invented examples.

// A 建设内容 column holds what to build, and what is built ends like a
// body (卫生院, 服务中心): the unit is the line in the unit column's place.
func TestContentCellsAreNoUnits(t *testing.T) {
	p := parseText(t, `某县2025年基层设施提升任务清单
序号
重点任务
建设内容
责任单位
完成时限
1
补齐基层文化设施
每个社区建成1个文体活动中心
县文广局
2025年11月底
2
提升镇村医疗条件
改扩建中心卫生院
县卫健委
2025年10月底
3
提升便民服务水平
标准化建设党群服务中心
县委组织部、县民政局
2025年9月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "补齐基层文化设施", "县文广局", "", 0},
		{"2", "提升镇村医疗条件", "县卫健委", "", 0},
		{"3", "提升便民服务水平", "县委组织部、县民政局", "", 0},
	})
}

// Where a row's 建设内容 cell is empty, its unit line stands first and is
// still the unit.
func TestUnitCellAfterAnEmptyContentCell(t *testing.T) {
	p := parseText(t, `某县2025年基层设施提升任务清单
序号
重点任务
建设内容
责任单位
完成时限
1
补齐基层文化设施
每个社区建成1个文体活动中心
县文广局
2025年11月底
2
提升镇村医疗条件
县卫健委
2025年10月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "补齐基层文化设施", "县文广局", "", 0},
		{"2", "提升镇村医疗条件", "县卫健委", "", 0},
	})
}

// In a table with no 序号, a row that has had its unit and its time cell
// is over: a task that ends like a body (建成…展示馆) starts the next row.
func TestUnnumberedRowEndsAfterItsTimeCell(t *testing.T) {
	p := parseText(t, `某区2025年文旅融合重点任务表
重点任务
责任单位
完成时限
修缮老街历史建筑
区文旅局、老街街道
2025年6月底
建成非遗展示馆
区文化馆
2025年12月底
举办民俗文化节
区文旅局
2025年10月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "修缮老街历史建筑", "区文旅局、老街街道", "", 0},
		{"2", "建成非遗展示馆", "区文化馆", "", 0},
		{"3", "举办民俗文化节", "区文旅局", "", 0},
	})
}

// A unit's name holds no figure.
func TestUnitLineHoldsNoFigure(t *testing.T) {
	for _, s := range []string{"每村建成1个综合服务中心", "新增２所幼儿园", "培育3家龙头企业集团"} {
		if unitLine(s) {
			t.Errorf("unitLine(%q) = true", s)
		}
	}
	for _, s := range []string{"县第一人民医院", "市十二中学校"} {
		if !unitLine(s) {
			t.Errorf("unitLine(%q) = false", s)
		}
	}
}

// A column the importer does not read (推广范围) before a unit column whose
// name ends like a unit (承办部门) stays in the header, and its cells (各街道)
// are no units.
func TestHeaderNameBeforeUnitColumnName(t *testing.T) {
	p := parseText(t, `某区2025年改革试点任务表
重点任务
推广范围
承办部门
完成时限
推行企业开办全流程一日办结
全区
区市场监管局
2025年6月底
推进工程建设项目审批提速
各街道
区住建局
2025年9月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "推行企业开办全流程一日办结", "区市场监管局", "", 0},
		{"2", "推进工程建设项目审批提速", "区住建局", "", 0},
	})
}

// A table with no 序号 whose first task is short enough to pass for a
// column name: the header ends before it, and the content cells that end
// like a body are no units.
func TestUnnumberedContentTable(t *testing.T) {
	p := parseText(t, `某县2025年基层设施提升任务清单
重点任务
建设内容
责任单位
完成时限
补齐基层文化设施
每个社区建成1个文体活动中心
县文广局
2025年11月底
提升镇村医疗条件
改扩建中心卫生院
县卫健委
2025年10月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "补齐基层文化设施", "县文广局", "", 0},
		{"2", "提升镇村医疗条件", "县卫健委", "", 0},
	})
}
