package plandoc

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// The examples here are invented; each has the shape of a table that a
// word processor's or a web page's text export writes one cell per line.

func parseText(t *testing.T, text string) *Plan {
	t.Helper()
	return Parse(&docread.Doc{Name: "plan.txt", Blocks: textBlocks(text)})
}

type cellWant struct {
	path, title, units, lead string
	weight                   float64 // 0: none
}

func checkTasks(t *testing.T, got []Task, want []cellWant) {
	t.Helper()
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("got %v %q units %v", g.Path, g.Title, g.Units)
		}
		t.Fatalf("%d tasks, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		weight := 0.0
		if g.Weight != nil {
			weight = *g.Weight
		}
		if strings.Join(g.Path, "/") != w.path || g.Title != w.title || strings.Join(g.Units, "、") != w.units ||
			strings.Join(g.LeadUnits, "、") != w.lead || weight != w.weight {
			t.Errorf("task %d = %v %q units %q lead %q weight %v, want %+v", i, g.Path, g.Title, g.Units, g.LeadUnits, weight, w)
		}
	}
}

func annexTasks(p *Plan) []Task {
	var out []Task
	for _, t := range p.Tasks {
		if strings.HasPrefix(t.Path[0], "附件") {
			out = append(out, t)
		}
	}
	return out
}

// An annexed task list: a category column printed before each row's
// number, group rows, a unit cell merged down over the rows below it, an
// omission note and a gap in the numbering, and a 备注 column that holds
// no units.
func TestCellTableInAnnex(t *testing.T) {
	p := parseText(t, `某县2025年营商环境提升行动方案
一、主要任务
（一）提升政务服务效能。推行一窗通办。
（二）强化要素保障。保障重点项目用地。
附件：某县2025年营商环境提升重点任务清单
附件
某县2025年营商环境提升重点任务清单
任务类别
序号
重点任务
责任单位
备注
一、政务服务类
窗口建设
1
建成县级综合受理窗口，实现80%事项一窗办理
县行政审批局、县数据局
新建
2
推行帮办代办服务。
（部分内容删减）
二、要素保障类
7
建立重点项目用地保障清单
县自然资源局
县发改局
用地保障
8
盘活闲置低效用地300亩
土地整治
9
开展耕地占补平衡`)
	checkTasks(t, annexTasks(p), []cellWant{
		{"附件/1", "建成县级综合受理窗口，实现80%事项一窗办理", "县行政审批局、县数据局", "", 0},
		{"附件/2", "推行帮办代办服务", "县行政审批局、县数据局", "", 0},
		{"附件/7", "建立重点项目用地保障清单", "县自然资源局、县发改局", "", 0},
		{"附件/8", "盘活闲置低效用地300亩", "县自然资源局、县发改局", "", 0},
		{"附件/9", "开展耕地占补平衡", "县自然资源局、县发改局", "", 0},
	})
	if tg := annexTasks(p)[0].Targets; len(tg) != 1 || tg[0].Value != 80 {
		t.Errorf("targets of row 1 = %+v, want 80%%", tg)
	}
	if tg := annexTasks(p)[3].Targets; len(tg) != 1 || tg[0].Value != 300 {
		t.Errorf("targets of row 8 = %+v, want 300亩", tg)
	}
	if txt := annexTasks(p)[3].Text; txt != "盘活闲置低效用地300亩" {
		t.Errorf("text of row 8 = %q: the next row's category cell is no text", txt)
	}
	if len(p.Tasks) != 7 {
		t.Errorf("%d tasks in all, want the body's 2 and the annex's 5", len(p.Tasks))
	}
}

// A merged unit cell does not reach past a group row: the row after it
// with no unit line has none.
func TestCellTableCarryStopsAtGroupRow(t *testing.T) {
	p := parseText(t, `某镇重点工作清单
序号
工作任务
责任单位
1
修缮村级文化礼堂
镇文化站
一、民生保障类
2
开展独居老人走访`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "修缮村级文化礼堂", "镇文化站", "", 0},
		{"2", "开展独居老人走访", "", "", 0},
	})
}

// A table with no 序号 column, its columns in their own order: the units
// and the time close each row; a task cell's own number is its path.
func TestCellTableWithoutNumbers(t *testing.T) {
	p := parseText(t, `某街道2025年平安建设工作安排
工作任务
牵头单位
配合单位
完成时限
1.开展矛盾纠纷排查化解
街道综治中心
街道司法所
2025年6月底前
2.建设智慧安防小区5个
街道平安办
街道各社区居委会
2025年底前
3.组织平安宣传月活动
街道宣传办
长期坚持`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "开展矛盾纠纷排查化解", "街道综治中心、街道司法所", "街道综治中心", 0},
		{"2", "建设智慧安防小区5个", "街道平安办、街道各社区居委会", "街道平安办", 0},
		{"3", "组织平安宣传月活动", "街道宣传办", "街道宣传办", 0},
	})
	if d := p.Tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2025-06-30" {
		t.Errorf("deadlines of row 1 = %+v, want 2025-06-30", d)
	}
	if d := p.Tasks[1].Deadlines; len(d) != 1 || d[0].Due != "2025-12-31" {
		t.Errorf("deadlines of row 2 = %+v, want 2025-12-31", d)
	}
}

// Header names are read for their role whatever their order and spacing;
// a column of places (推广范围) or people (责任领导) holds no units.
func TestColumnRole(t *testing.T) {
	tests := []struct {
		name string
		role cellRole
		lead bool
	}{
		{"序号", roleSeq, false},
		{"任务类型", roleCategory, false},
		{"工作任务", roleTask, false},
		{"主 要 内 容", roleTask, false}, // demoted to content beside a better task name
		{"指导部门", roleUnit, false},
		{"牵头单位", roleUnit, true},
		{"配合处室", roleUnit, false},
		{"责任领导", rolePerson, false},
		{"完成时限", roleDeadline, false},
		{"各项分值", roleWeight, false},
		{"评分标准", roleContent, false},
		{"进度安排", roleMilestone, false},
	}
	for _, tt := range tests {
		c, known := columnRole(tt.name)
		if !known || c.role != tt.role || c.lead != tt.lead {
			t.Errorf("columnRole(%q) = %+v %v, want role %d lead %v", tt.name, c, known, tt.role, tt.lead)
		}
	}
	if c, known := columnRole("推广范围"); known || c.role == roleUnit {
		t.Errorf("推广范围 read as %+v", c)
	}
	h, _ := headerRun([]string{"序号", "改革事项", "主 要 内 容", "指导部门", "推广范围"}, 0)
	roles := []cellRole{roleSeq, roleTask, roleContent, roleUnit, roleOther}
	for i, r := range roles {
		if h.cols[i].role != r {
			t.Errorf("column %d of the header is %d, want %d", i, h.cols[i].role, r)
		}
	}
	if h, _ := headerRun([]string{"序号", "改革举措", "责任", "处室", "配合", "处室"}, 0); len(h.cols) != 4 || !h.cols[2].isUnit() || !h.cols[3].isUnit() {
		t.Errorf("header names broken over two lines: %+v", h.cols)
	}
}

func (c cellColumn) isUnit() bool { return c.role == roleUnit }

// A column after the units that the importer does not read gives neither
// text nor targets; the row's units are every name of its unit cell.
func TestCellTableUnreadColumn(t *testing.T) {
	p := parseText(t, `附件
第三批可复制改革经验清单
序号
改革事项
主要内容
指导部门
推广范围
1
推行企业开办一日办结
整合登记、刻章、申领发票等环节，一次提交材料。
市场监管总局、税务总局
全国
2
探索土地弹性出让
对新增工业用地实行弹性年期出让。
自然资源部
12个试点地区`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "推行企业开办一日办结", "市场监管总局、税务总局", "", 0},
		{"2", "探索土地弹性出让", "自然资源部", "", 0},
	})
	if tg := p.Tasks[1].Targets; len(tg) != 0 {
		t.Errorf("the 推广范围 cell gave targets %+v", tg)
	}
}

func TestUnitLine(t *testing.T) {
	for _, s := range []string{"区“两旧”专班、区房管局", "县委宣传部", "市财政局；市审计局", "规划处 社扶处 人事处", "市政府办公室（牵头）、市督考办", "中国人民银行", "各县（市、区）", "市发改委、各县市区"} {
		if !unitLine(s) {
			t.Errorf("unitLine(%q) = false", s)
		}
	}
	for _, s := range []string{"全国", "8个改革试验区域", "进一步完善乡、村河长、巡查员设置。", "推行帮办代办服务", "王晓东", "2025年底前", "新建2个社区卫生服务站", "各乡镇要高度重视"} {
		if unitLine(s) {
			t.Errorf("unitLine(%q) = true", s)
		}
	}
}

// Short lines in prose that name no task column are no header.
func TestNoCellTableInProse(t *testing.T) {
	texts := []string{"会议议程", "序号", "姓名", "联系电话", "1", "张三"}
	if _, _, _, ok := findCellHeader(texts, 0); ok {
		t.Errorf("a contact list was taken for a task table")
	}
	// A header's names followed by prose, not by rows that end in a unit.
	var ls []line
	for _, s := range []string{"工作任务", "责任单位", "各单位要高度重视，认真落实。", "要加强督查，确保按期完成。", "对工作不力的予以通报。"} {
		ls = append(ls, newLine(s))
	}
	if ts, _, _, ok := cellTableTasks(ls, nil, 2025); ok {
		t.Errorf("prose read as a table: %+v", ts)
	}
}

// A text export that wraps a long task cell over two lines: the lines
// before the unit cell (or, in a sheet whose 分值 follows the task, before
// the weight) are one task. The table's title above its header is no
// column, and a group row may be labelled （一）.
func TestCellTableWrappedTitles(t *testing.T) {
	p := parseText(t, `某市2025年水环境治理重点任务清单
序号
重点任务
完成时限
责任单位
（一）污水治理
1
推进城镇污水管网建设，新建
改造管网50公里
2025年底前
市住建局、市水务局
2
建设农村污水处理设施
牵头单位：市生态环境局`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "推进城镇污水管网建设，新建改造管网50公里", "市住建局、市水务局", "", 0},
		{"2", "建设农村污水处理设施", "市生态环境局", "市生态环境局", 0},
	})
	if d := p.Tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2025-12-31" {
		t.Errorf("deadlines of row 1 = %+v, want 2025-12-31", d)
	}

	p = parseText(t, `某县2025年度乡镇工作考核细则
序号
考核项目
分值
考核标准
考核单位
1
建立健全网格化管理
机制
6
网格员配备到位，得6分。
县委政法委
2
开展矛盾纠纷排查
4
每月排查一次，得4分。
县信访局`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "建立健全网格化管理机制", "县委政法委", "", 6},
		{"2", "开展矛盾纠纷排查", "县信访局", "", 4},
	})
}

// A （一） line inside a cell numbers a sub-item, not a group row: the
// row keeps the lines after it, and its units. A line that ends like a
// unit (社) but starts with what to do (建成) is the task's text. The
// table is pasted with no title: its header names are no title.
func TestParenSubItemsStayInTheCell(t *testing.T) {
	p := parseText(t, `序号
工作任务
主要措施
责任单位
1
完善基层治理体系
（一）建立网格台账
（二）定期通报进展
县委组织部
2
推进数字乡村建设
建成益农信息社
县农业农村局`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "完善基层治理体系", "县委组织部", "", 0},
		{"2", "推进数字乡村建设", "县农业农村局", "", 0},
	})
	if !strings.Contains(p.Tasks[0].Text, "（二）定期通报进展") {
		t.Errorf("row 1 lost its sub-items: %q", p.Tasks[0].Text)
	}
	if p.Title != "" {
		t.Errorf("a table pasted with no title above it has the title %q", p.Title)
	}
}

// Columns between 序号 and the task (责任单位 first) are read where they stand.
func TestCellTableUnitsBeforeTask(t *testing.T) {
	p := parseText(t, `某区2025年为民办实事项目表
序号
责任单位
实事项目
完成时间
1
区教育局
新增公办幼儿园学位600个
2025年9月底前
2
区卫健委、区医保局
建成社区卫生服务站3个
2025年底前`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "新增公办幼儿园学位600个", "区教育局", "", 0},
		{"2", "建成社区卫生服务站3个", "区卫健委、区医保局", "", 0},
	})
	if d := p.Tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2025-09-30" {
		t.Errorf("deadlines of row 1 = %+v, want 2025-09-30", d)
	}
}

// A table in the body ends at a chapter heading that no row follows: the
// numbered prose after it is read as prose.
func TestCellTableEndsBeforeProse(t *testing.T) {
	p := parseText(t, `某镇2025年人居环境整治工作方案
序号
工作任务
责任单位
1
清理河塘沟渠
镇农办
2
拆除违章搭建
镇综合执法队
二、保障措施
（一）加强组织领导。成立工作专班，统筹推进整治工作。
（二）强化督查考核。每月通报各村进展。`)
	var paths []string
	for _, task := range p.Tasks {
		paths = append(paths, strings.Join(task.Path, "/"))
	}
	if got := strings.Join(paths, " "); got != "二/(一) 二/(二) 1 2" {
		t.Errorf("paths %q, want the safeguard items and the two rows", got)
	}
	if len(p.Tasks) == 4 && (strings.Join(p.Tasks[3].Units, "、") != "镇综合执法队" || strings.Contains(p.Tasks[3].Text, "保障")) {
		t.Errorf("row 2 = %+v", p.Tasks[3])
	}
}

// Separate 牵头 and 配合 columns: one line each gives the lead and the
// others; the time cell after them gives the deadline.
func TestCellTableLeadAndCoopColumns(t *testing.T) {
	p := parseText(t, `某县2025年数字政府建设任务分解表
序号
工作任务
牵头单位
配合单位
完成时限
1
建成县级政务数据共享平台
县数据局
县委网信办、县财政局
2025年10月底前
2
推进电子证照互认
县行政审批局
县公安局
县市场监管局
2025年底前`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "建成县级政务数据共享平台", "县数据局、县委网信办、县财政局", "县数据局", 0},
		{"2", "推进电子证照互认", "县行政审批局、县公安局、县市场监管局", "县行政审批局", 0},
	})
	if d := p.Tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2025-10-31" {
		t.Errorf("deadlines of row 1 = %+v", d)
	}
}

// A task list pasted without its header is known by its numbered rows that
// end in unit cells.
func TestHeaderlessTaskList(t *testing.T) {
	p := parseText(t, `某区2025年民生实事项目
附件
1
新建社区食堂5家
区民政局
2
改造老旧小区12个
区住建委、各街道办事处
3
新增停车泊位800个`)
	checkTasks(t, annexTasks(p), []cellWant{
		{"附件/1", "新建社区食堂5家", "区民政局", "", 0},
		{"附件/2", "改造老旧小区12个", "区住建委、各街道办事处", "", 0},
		{"附件/3", "新增停车泊位800个", "区住建委、各街道办事处", "", 0},
	})
}

// A table whose text export writes each row's number in front of its task
// (1.建成…): the next number starts the next row; a sub-item numbered 1.
// inside a cell does not.
func TestCellTableLabelledRows(t *testing.T) {
	p := parseText(t, `某区2025年城市管理重点任务清单
序号
重点任务
责任单位
1.推进背街小巷整治
1.完成改造30条
区城管局
2.开展垃圾分类示范创建
区绿化市容局、各街道办事处`)
	checkTasks(t, p.Tasks, []cellWant{
		{"1", "推进背街小巷整治", "区城管局", "", 0},
		{"2", "开展垃圾分类示范创建", "区绿化市容局、各街道办事处", "", 0},
	})
}

// Two tables pasted in one annex, each under its own header: the second
// ends the first and is read as the next annex table (附件2).
func TestTwoCellTablesInAnnex(t *testing.T) {
	p := parseText(t, `某县2025年乡村振兴工作方案
一、主要任务
（一）发展特色产业。
附件
表一 重点项目
序号
项目名称
责任单位
1
建设高标准农田2万亩
县农业农村局
2
改造农村公路30公里
县交通运输局
表二 重点改革
序号
改革事项
牵头单位
完成时限
1
深化农村宅基地改革
县自然资源局
2025年底前
2
推进集体经营性建设用地入市
县自然资源局
2025年6月底前`)
	checkTasks(t, annexTasks(p), []cellWant{
		{"附件/1", "建设高标准农田2万亩", "县农业农村局", "", 0},
		{"附件/2", "改造农村公路30公里", "县交通运输局", "", 0},
		{"附件2/1", "深化农村宅基地改革", "县自然资源局", "县自然资源局", 0},
		{"附件2/2", "推进集体经营性建设用地入市", "县自然资源局", "县自然资源局", 0},
	})
}
