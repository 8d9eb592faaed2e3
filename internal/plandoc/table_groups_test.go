package plandoc

import "testing"

// Group rows of real tables; invented examples saved as CSV.

// Rows numbered from 1 again under each group row take its label into
// their paths; a row numbered like the last row of the group above is no
// continuation of it.
func TestTableRowsRestartUnderGroupRows(t *testing.T) {
	data := "序号,工作任务,责任单位,完成时限\r\n" +
		"一、垃圾治理,一、垃圾治理,一、垃圾治理,一、垃圾治理\r\n" +
		"1,建成垃圾中转站1座,镇建设办,2025年8月底\r\n" +
		"二、污水治理,,,\r\n" +
		"1,铺设污水管网6公里,镇建设办,2025年10月底\r\n" +
		"2,建设污水处理终端3处,镇农业办,2025年11月底\r\n"
	p := parseBytes(t, "分工表.csv", []byte(data))
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "建成垃圾中转站1座", "镇建设办", "", 0},
		{"二/1", "铺设污水管网6公里", "镇建设办", "", 0},
		{"二/2", "建设污水处理终端3处", "镇农业办", "", 0},
	})
}

// Numbering that runs on across group rows keeps plain paths.
func TestTableRowsRunOnAcrossGroupRows(t *testing.T) {
	data := "序号,工作任务,责任单位,完成时限\r\n" +
		"一、垃圾治理,,,\r\n" +
		"1,建成垃圾中转站1座,镇建设办,2025年8月底\r\n" +
		"二、污水治理,,,\r\n" +
		"2,铺设污水管网6公里,镇建设办,2025年10月底\r\n"
	p := parseBytes(t, "分工表.csv", []byte(data))
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "建成垃圾中转站1座", "镇建设办", "", 0},
		{"2", "铺设污水管网6公里", "镇建设办", "", 0},
	})
}

// An assessment sheet's chapter rows with their subtotal are a level of
// the path of the rows under them.
func TestTableChapterRowsWithSubtotal(t *testing.T) {
	data := "序号,考核项目,分值,评分标准\r\n" +
		"一、河湖巡查（30分）,,,\r\n" +
		"1,落实巡河制度,20,巡河记录缺失的每次扣2分。\r\n" +
		"2,建立问题台账,10,台账缺项的扣3分。\r\n" +
		"二、水质保护（40分）,,,\r\n" +
		"3,开展入河排污口排查,40,未完成排查的扣20分。\r\n"
	p := parseBytes(t, "细则.csv", []byte(data))
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "落实巡河制度", "", "", 20},
		{"一/2", "建立问题台账", "", "", 10},
		{"二/3", "开展入河排污口排查", "", "", 40},
	})
}

// A goal column whose name carries its measure gives each row's target.
func TestTableCountColumnGivesTargets(t *testing.T) {
	data := "序号,实事项目,年度目标（处）,责任单位\r\n" +
		"1,建设社区便民服务站,3,区商务局\r\n" +
		"2,新增城市书房,4,区文旅局\r\n"
	p := parseBytes(t, "实事.csv", []byte(data))
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "建设社区便民服务站", "区商务局", "", 0},
		{"2", "新增城市书房", "区文旅局", "", 0},
	})
	for i, want := range []float64{3, 4} {
		if tg := p.Tasks[i].Targets; len(tg) != 1 || tg[0].Value != want || tg[0].Unit != "处" {
			t.Errorf("task %d targets %+v, want %v处", i+1, tg, want)
		}
	}
}
