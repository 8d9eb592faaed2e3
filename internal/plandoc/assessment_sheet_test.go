package plandoc

import (
	"strings"
	"testing"
)

// Assessment sheets (考核细则) pasted one cell per line; invented examples.

// An assessment sheet (考核细则): a chapter row is its label alone, its
// heading and its subtotal; each row has its weight right after its title
// (a weight equal to the next row's number included), numbered sub-items
// and units one per line. A chapter with no rows is itself a task.
func TestCellAssessmentSheet(t *testing.T) {
	p := parseText(t, `某县2025年度安全生产工作考核细则
序号
考核内容
分值
评分标准
考核单位
一、
组织领导
12
1
落实党政同责
2
1.成立安委会，得1分。
2.每季度召开专题会议，得1分。
县应急局
县委组织部
2
开展隐患排查
10
全年开展排查不少于4次，得10分。
县应急局
二、
宣传教育
6
按时报送宣传信息，得6分。
县委宣传部`)
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "落实党政同责", "县应急局、县委组织部", "", 2},
		{"一/2", "开展隐患排查", "县应急局", "", 10},
		{"二", "宣传教育", "县委宣传部", "", 6},
	})
	if !strings.Contains(p.Tasks[0].Text, "2.每季度召开专题会议") {
		t.Errorf("row 1 lost its sub-items: %q", p.Tasks[0].Text)
	}
}

// Numbering that starts again under each chapter keeps paths apart.
func TestCellAssessmentRestartsUnderChapters(t *testing.T) {
	p := parseText(t, `某区机关效能考评细则
序号
考评项目
分值
责任部门
一、
服务质量
9
1
群众满意度测评
5
区效能办
2
窗口服务规范
4
区政务服务中心
二、
作风建设
8
1
落实首问负责制
8
区纪委监委`)
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "群众满意度测评", "区效能办", "", 5},
		{"一/2", "窗口服务规范", "区政务服务中心", "", 4},
		{"二/1", "落实首问负责制", "区纪委监委", "", 8},
	})
}

// An assessment sheet pasted without its header is known by its chapter
// rows (label alone, heading, subtotal).
func TestHeaderlessAssessmentSheet(t *testing.T) {
	p := parseText(t, `某区2025年度营商环境工作考核细则
一、
政务服务
10
1
推行一网通办
6
1.网办率达到90%，得3分。
2.按时办结率100%，得3分。
区政务服务中心
2
优化企业开办
4
企业开办1个工作日内办结，得4分。
区市场监管局
二、
信息报送
5
按月报送工作进展，得5分。
区发改委`)
	checkTasks(t, p.Tasks, []cellWant{
		{"一/1", "推行一网通办", "区政务服务中心", "", 6},
		{"一/2", "优化企业开办", "区市场监管局", "", 4},
		{"二", "信息报送", "区发改委", "", 5},
	})
}
