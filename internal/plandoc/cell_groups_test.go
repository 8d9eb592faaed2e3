package plandoc

import (
	"strconv"
	"strings"
	"testing"
)

// Group and chapter rows of tables pasted one cell per line; invented
// examples.

// Rows numbered again from 1 under each group row take the group's label
// into their paths, so no two rows share one.
func TestRowsRestartUnderGroupRows(t *testing.T) {
	p := parseText(t, `关于印发某镇2025年人居环境整治任务的通知
各村：现将任务分工印发给你们，请认真落实。
附件
某镇2025年人居环境整治任务分工表
序号
工作任务
责任单位
完成时限
一、垃圾治理
1
建成垃圾中转站1座
镇建设办
2025年8月底
2
配齐保洁员40名
镇农业办
2025年5月底
二、污水治理
1
铺设污水管网6公里
镇建设办
2025年10月底
三、村容提升
1
拆除危旧房屋30间
镇规划办
2025年6月底`)
	checkTasks(t, annexTasks(p), []cellWant{
		{"附件/一/1", "建成垃圾中转站1座", "镇建设办", "", 0},
		{"附件/一/2", "配齐保洁员40名", "镇农业办", "", 0},
		{"附件/二/1", "铺设污水管网6公里", "镇建设办", "", 0},
		{"附件/三/1", "拆除危旧房屋30间", "镇规划办", "", 0},
	})
}

// Group rows named 行动一：… are labelled by those words.
func TestRowsRestartUnderActionRows(t *testing.T) {
	p := parseText(t, `某区2025年消费提振行动任务清单
序号
重点任务
牵头单位
完成时限
行动一：激活餐饮消费
1
举办美食节2场
区商务局
2025年9月底
2
发放餐饮消费券
区商务局
2025年6月底
行动二：扩大文旅消费
1
推出夜游线路3条
区文旅局
2025年7月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"行动一/1", "举办美食节2场", "区商务局", "区商务局", 0},
		{"行动一/2", "发放餐饮消费券", "区商务局", "区商务局", 0},
		{"行动二/1", "推出夜游线路3条", "区文旅局", "区文旅局", 0},
	})
}

// Numbering that runs on across group rows keeps plain paths.
func TestRowsRunOnAcrossGroupRows(t *testing.T) {
	p := parseText(t, `某区2025年消费提振行动任务清单
序号
重点任务
牵头单位
完成时限
一、餐饮消费
1
举办美食节2场
区商务局
2025年9月底
二、文旅消费
2
推出夜游线路3条
区文旅局
2025年7月底`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "举办美食节2场", "区商务局", "区商务局", 0},
		{"2", "推出夜游线路3条", "区文旅局", "区文旅局", 0},
	})
}

// An assessment sheet whose chapter rows are written on one line with
// their subtotal: rows under a chapter are numbered under it, and a chapter
// with no rows is a task weighted by its subtotal.
func TestOneLineChapterRows(t *testing.T) {
	p := parseText(t, `某县2025年度河湖管护工作考核细则
序号
考核项目
分值
评分标准
一、河湖巡查（30分）
1
落实巡河制度
20
巡河记录缺失的每次扣2分。
2
建立问题台账
10
台账缺项的扣3分。
二、水质保护（40分）
1
开展入河排污口排查
40
未完成排查的扣20分。
三、宣传引导（10分）
按时报送宣传信息，少报一次扣1分。`)
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "落实巡河制度", "", "", 20},
		{"一/2", "建立问题台账", "", "", 10},
		{"二/1", "开展入河排污口排查", "", "", 40},
		{"三", "宣传引导", "", "", 10},
	})
}

// A sheet whose header has no 序号 name, its rows still numbered: the
// scoring lines stay in the row's text, the chapter rows start chapters,
// and the weights are read.
func TestSheetWithoutSeqHeaderKeepsItsRows(t *testing.T) {
	p := parseText(t, `某县2025年度河湖管护工作考核细则
考核项目
考核内容
分值
评分标准
一、河湖巡查（30分）
1
落实巡河制度
20
巡河记录缺失的每次扣2分；2025年6月底前未完成公示牌更新的扣5分。
2
建立问题台账
10
台账缺项的扣3分。
二、水质保护（40分）
3
开展入河排污口排查
40
未完成排查的扣20分。`)
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "落实巡河制度", "", "", 20},
		{"一/2", "建立问题台账", "", "", 10},
		{"二/3", "开展入河排污口排查", "", "", 40},
	})
	for _, task := range p.Tasks {
		if len(task.Milestones) > 0 {
			t.Errorf("task %v has milestones %+v", task.Path, task.Milestones)
		}
		if strings.Contains(task.Text, "水质保护") {
			t.Errorf("task %v took the next chapter row: %q", task.Path, task.Text)
		}
	}
}

func TestChapterLine(t *testing.T) {
	for s, want := range map[string]string{"一、组织领导（20分）": "一 组织领导 20", "三、日常管理(共15.5分)": "三 日常管理 15.5", "二、服务群众（满分３０分）": "二 服务群众 30"} {
		l, h, w, ok := chapterLine(s)
		if got := strings.Join([]string{l, h, strconv.FormatFloat(w, 'f', -1, 64)}, " "); !ok || got != want {
			t.Errorf("chapterLine(%q) = %q %v, want %q", s, got, ok, want)
		}
	}
	for _, s := range []string{"一、组织领导", "一、", "一、年度考核，得分（20分）", "组织领导（20分）"} {
		if _, _, _, ok := chapterLine(s); ok {
			t.Errorf("chapterLine(%q) is a chapter", s)
		}
	}
}

// A sheet pasted without its header, its chapter rows on one line: read as
// a sheet, not as numbered prose with the chapter rows glued to the rows.
func TestHeaderlessSheetWithOneLineChapters(t *testing.T) {
	p := parseText(t, `某县2025年度河湖管护工作考核细则
一、河湖巡查（30分）
1
落实巡河制度
20
巡河记录缺失的每次扣2分。
2
建立问题台账
10
台账缺项的扣3分。
二、水质保护（40分）
3
开展入河排污口排查
40
未完成排查的扣20分。`)
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "落实巡河制度", "", "", 20},
		{"一/2", "建立问题台账", "", "", 10},
		{"二/3", "开展入河排污口排查", "", "", 40},
	})
}
