package plandoc

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/docread"
)

// parseProse parses an invented document given as plain text lines.
func parseProse(t *testing.T, s string) *Plan {
	t.Helper()
	return Parse(&docread.Doc{Name: "test.txt", Blocks: textBlocks(s)})
}

// paths lists the tasks' paths joined by "/", in order.
func paths(p *Plan) []string {
	var out []string
	for _, t := range p.Tasks {
		out = append(out, strings.Join(t.Path, "/"))
	}
	return out
}

func TestMarkdownMarks(t *testing.T) {
	tests := []struct {
		in, text string
		level    int
	}{
		{"## 推进方案", "推进方案", 2},
		{"###### 细项", "细项", 6},
		{"- 实施期间：2023/03 ~ 2024/06", "实施期间：2023/03 ~ 2024/06", 0},
		{"#1机组检修", "#1机组检修", 0},
		{"-5℃以下停工", "-5℃以下停工", 0},
		{"> 本页摘自官网", "本页摘自官网", 0},
	}
	for _, tt := range tests {
		text, level := markdownMarks(tt.in)
		if text != tt.text || level != tt.level {
			t.Errorf("markdownMarks(%q) = %q %d, want %q %d", tt.in, text, level, tt.text, tt.level)
		}
	}
}

func TestDashedLabel(t *testing.T) {
	if kind, label, n := matchLabel("3-2 建设数据开放平台"); kind != kindDashed || label != "3-2" || n != len("3-2 ") {
		t.Errorf("matchLabel(3-2 …) = %q %q %d", kind, label, n)
	}
	for _, in := range []string{"2021-2025年行动", "3-2", "12-345 号", "1-3月完成", "3-5 年内完成", "2-3 个试点"} {
		if kind, _, _ := matchLabel(in); kind == kindDashed {
			t.Errorf("matchLabel(%q) took a range for a label", in)
		}
	}
}

// A markdown commitment template is one task whose checkpoint headings are
// its milestones; the numbered lists of its descriptive sections are not
// tasks.
func TestCommitmentTemplate(t *testing.T) {
	p := parseProse(t, `# 3-2 建立河湖水质公开查询平台

## 概要
- 实施期间：2023/03 ~ 2024/06
#### 现况说明
1. 民众难以查询水质。
2. 资料分散于各机关。
## 检核点
### 完成平台规划。
2023/03 ~ 2023/09
### 平台上线试运行。
2023/10 ~ 2024/06`)
	if len(p.Tasks) != 1 {
		t.Fatalf("tasks = %v, want one commitment", paths(p))
	}
	task := p.Tasks[0]
	if !reflect.DeepEqual(task.Path, []string{"3-2"}) || task.Title != "建立河湖水质公开查询平台" {
		t.Errorf("task = %v %q", task.Path, task.Title)
	}
	var dues []string
	for _, m := range task.Milestones {
		dues = append(dues, m.Text+"@"+m.Due)
	}
	if want := []string{"完成平台规划@2023-09-30", "平台上线试运行@2024-06-30"}; !reflect.DeepEqual(dues, want) {
		t.Errorf("milestones = %v, want %v", dues, want)
	}
	var deadlines []string
	for _, d := range task.Deadlines {
		deadlines = append(deadlines, d.Due)
	}
	if want := []string{"2024-06-30", "2023-09-30"}; !reflect.DeepEqual(deadlines, want) {
		t.Errorf("deadlines = %v, want %v", deadlines, want)
	}
	if p.Title != "3-2 建立河湖水质公开查询平台" || p.Year != 2023 {
		t.Errorf("title, year = %q %d", p.Title, p.Year)
	}
}

// A line-initial arabic label glued to digits is an item when it goes on
// the count; a decimal at the start of a paragraph is not.
func TestDigitLabelContinuesCount(t *testing.T) {
	p := parseProse(t, `一、重点工作
1.修订农贸市场管理办法。
2.开展市场环境整治。
3.11月底前完成摊位改造。
4.520工程全面开工。
二、其他
1.5万平方米的仓库完成清理。`)
	want := []string{"一/1", "一/2", "一/3", "一/4", "二"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if p.Tasks[2].Title != "11月底前完成摊位改造" {
		t.Errorf("title = %q", p.Tasks[2].Title)
	}
}

// Numbering that starts again at 1 under unnumbered sub-headings gives
// each group a path level named by its sub-heading, so no path repeats.
func TestRestartUnderSubHeadings(t *testing.T) {
	p := parseProse(t, `一、各片区任务
东片区：（2项）
1.完成河道清淤。
2.建成污水管网。
西片区：
1.完成堤防加固。
进展：已开工。
2.建成泵站。`)
	want := []string{"一/东片区/1", "一/东片区/2", "一/西片区/1", "一/西片区/2"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if strings.Contains(p.Tasks[1].Text, "西片区") {
		t.Errorf("the sub-heading stayed in the task before it: %q", p.Tasks[1].Text)
	}
	// Without sub-headings, the groups are named by their ordinal.
	p = parseProse(t, `一、任务
1.修路。
2.架桥。
1.建站。`)
	want = []string{"一/第1组/1", "一/第1组/2", "一/第2组/1"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// A signature block at the end (organ, then date) is neither text nor the
// deadline of the last task.
func TestSignatureClosesLastTask(t *testing.T) {
	p := parseProse(t, `某县水务局2022年5月工作计划
一、主要工作
1.完成水库汛前检查。
2.组织防汛演练。
某县水务局
2022年4月26日`)
	last := p.Tasks[len(p.Tasks)-1]
	if len(last.Deadlines) != 0 || strings.Contains(last.Text, "水务局") {
		t.Errorf("last task = %q %v", last.Text, last.Deadlines)
	}
	if p.IssuedOn != "2022-04-26" || p.Issuer != "某县水务局" {
		t.Errorf("issued_on, issuer = %q %q", p.IssuedOn, p.Issuer)
	}
}

// A chapter with no numbered items is a task, unless its heading names
// goals, scope or schedule.
func TestChildlessChapter(t *testing.T) {
	p := parseProse(t, `某区垃圾分类工作方案
一、目标任务
到2023年底，全区垃圾分类覆盖率达到95%。
二、对象范围
全区机关、学校和居民小区。
三、主要措施
（一）配齐分类设施。
（二）开展入户宣传。
四、推进收运体系建设
由区城管局牵头，2023年6月底前建成分类收运体系。
五、进度安排
2023年3月部署，12月验收。
六、帮扶的对象
（一）低保户。`)
	want := []string{"三/(一)", "三/(二)", "四"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// In a page flattened to one line, a chapter heading runs straight into
// its first arabic item; item 1 there is a split point.
func TestRunOnHeadingIntoFirstItem(t *testing.T) {
	filler := strings.Repeat("各单位要结合实际认真抓好落实，确保工作取得实效。", 60)
	s := "某市物流降本增效行动方案 一、总体要求" + filler +
		"二、重点任务1.优化货运通道。2.发展多式联运。三、强化要素保障1.完善用地政策。2.加大资金支持。"
	p := parseProse(t, s)
	want := []string{"二/1", "二/2", "三/1", "三/2"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if len(p.Tasks) == 4 && p.Tasks[2].Title != "完善用地政策" {
		t.Errorf("title = %q", p.Tasks[2].Title)
	}
}

// Numbered lists under a descriptive markdown heading explain the plan;
// those under a numbered heading are its tasks.
func TestDescriptiveMarkdownHeading(t *testing.T) {
	p := parseProse(t, `# 社区微更新计划
## 现况与问题
1. 公共空间不足。
2. 设施老化。
## 一、主要任务
1. 改造口袋公园。
2. 更新健身器材。
### 民众为何需要？
1. 居民反映强烈。`)
	want := []string{"一/1", "一/2"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// Restarts are cheap: a hostile list that restarts on every line, under
// many chapters, parses in linear time.
func TestManyRestartsStayFast(t *testing.T) {
	var b strings.Builder
	for c := 0; c < 2000; c++ {
		b.WriteString("一、章\n")
		for k := 0; k < 20; k++ {
			b.WriteString("1.做事。\n")
		}
	}
	start := time.Now()
	p := parseProse(t, b.String())
	if len(p.Tasks) != 40000 {
		t.Errorf("tasks = %d, want 40000", len(p.Tasks))
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("parse took %v", d)
	}
}

// The supplementary provisions (附则) of a set of measures assign nothing.
func TestSupplementaryProvisions(t *testing.T) {
	p := parseProse(t, `某县河道采砂管理办法
第一章 管理职责
第一条 县水利局负责采砂许可。
第二条 乡镇负责日常巡查。
第二章 附则
第三条 本办法由县水利局负责解释。
第四条 本办法自发布之日起施行。`)
	want := []string{"第一章/第一条", "第一章/第二条"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// A markdown list of several commitments gives one task per commitment,
// each with its own checkpoints; their explanatory lists are no tasks.
func TestCommitmentList(t *testing.T) {
	p := parseProse(t, `# 某县开放政府行动方案
## 1-1 公开财政预算
### 现况说明
1. 预算公开不够细。
### 检核点
#### 上线预算公开专栏
2023/01 ~ 2023/06
## 1-2 推进参与式预算
- 期程：2023/03 ~ 2024/12
### 为何重要？
1. 居民参与不足。`)
	if want := []string{"1-1", "1-2"}; !reflect.DeepEqual(paths(p), want) {
		t.Fatalf("paths = %v, want %v", paths(p), want)
	}
	if m := p.Tasks[0].Milestones; len(m) != 1 || m[0].Due != "2023-06-30" {
		t.Errorf("milestones = %v", m)
	}
	if d := p.Tasks[1].Deadlines; len(d) != 1 || d[0].Due != "2024-12-31" {
		t.Errorf("deadlines = %v", d)
	}
	if p.Title != "某县开放政府行动方案" {
		t.Errorf("title = %q", p.Title)
	}
}

// A date alone inside the plan (a step's time) does not close the
// numbering: the items after it keep their chapter.
func TestDateLineInsidePlan(t *testing.T) {
	p := parseProse(t, `某镇防汛工作方案
一、主要任务
（一）修订应急预案，完成时间：
2023年5月31日
（二）开展防汛演练。`)
	want := []string{"一/(一)", "一/(二)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if d := p.Tasks[0].Deadlines; len(d) != 1 || d[0].Due != "2023-05-31" {
		t.Errorf("deadlines = %v", d)
	}
}

// fold keeps byte offsets even where a traditional character precedes an
// invalid byte, since lines are sliced by offsets found in their fold.
func TestFoldKeepsLengthOnInvalidBytes(t *testing.T) {
	for _, s := range []string{"諮\xb4", "機關\xff\xfe一、", "附件\xc0："} {
		if got := fold(s); len(got) != len(s) {
			t.Errorf("fold(%q) = %q: length %d, want %d", s, got, len(got), len(s))
		}
	}
}

// A closing chapter of requirements is a safeguard chapter: its items are
// optional.
func TestRequirementsChapterOptional(t *testing.T) {
	p := parseProse(t, `某街道消防安全整治方案
一、整治内容
（一）清理楼道杂物。
二、有关要求
（一）按月报送进展。`)
	if len(p.Tasks) != 2 || p.Tasks[0].Optional || !p.Tasks[1].Optional {
		t.Errorf("tasks = %+v", p.Tasks)
	}
}
