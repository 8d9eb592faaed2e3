package plandoc

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// The documents below are invented. The coverage check is tested on its
// own with hand-made task lists, so the tests say what it does whatever
// the parser reads; one test goes through Parse for a plan any parser reads.

func textDoc(t *testing.T, text string) *docread.Doc {
	t.Helper()
	doc, err := docread.Read("plan.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// lineOf is the 1-based number of the first line of docread.Text(doc) that
// starts with prefix.
func lineOf(t *testing.T, doc *docread.Doc, prefix string) int {
	t.Helper()
	for i, l := range strings.Split(docread.Text(doc), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return 0
}

func documentWarnings(ws []Warning) []Warning {
	var out []Warning
	for _, w := range ws {
		if !TaskWarning(w.Kind) {
			out = append(out, w)
		}
	}
	return out
}

const annexTablePlan = `某县乡村道路养护工作方案
一、主要任务
（一）开展道路巡查。每月对县乡道路巡查一次，建立问题台账。（责任单位：县交通运输局）
（二）整治危桥险段。2025年6月底前完成危桥加固改造。（责任单位：县交通运输局、各镇人民政府）

附件2
某县乡村道路养护重点项目表
序号
项目内容
责任单位
完成时限
1
新建城东至河西乡道联络线八公里
县交通运输局
2025年10月底前
2
改造北山村通村公路路面六公里并加装护栏
北山镇人民政府
2025年12月底前
`

// bodyTasks is what a parser that reads the body of annexTablePlan and not
// its annex gives.
var bodyTasks = []Task{
	{Path: []string{"一", "(一)"}, Title: "开展道路巡查", Text: "开展道路巡查。每月对县乡道路巡查一次，建立问题台账。（责任单位：县交通运输局）", Units: []string{"县交通运输局"}},
	{Path: []string{"一", "(二)"}, Title: "整治危桥险段", Text: "整治危桥险段。2025年6月底前完成危桥加固改造。（责任单位：县交通运输局、各镇人民政府）", Units: []string{"县交通运输局", "各镇人民政府"}},
}

func TestCoverageNamesAnUnreadAnnexTable(t *testing.T) {
	doc := textDoc(t, annexTablePlan)
	ws := coverageWarnings(doc, bodyTasks)
	if len(ws) != 1 || ws[0].Kind != WarnUnreadAnnex {
		t.Fatalf("warnings %+v, want one %s", ws, WarnUnreadAnnex)
	}
	if want := lineOf(t, doc, "附件2"); ws[0].Line != want {
		t.Errorf("line %d, want %d (the 附件2 heading)", ws[0].Line, want)
	}
	if !strings.HasPrefix(ws[0].Excerpt, "附件2 某县乡村道路养护重点项目表") {
		t.Errorf("excerpt %q does not name the annex and its title", ws[0].Excerpt)
	}
}

func TestCoverageQuietWhenTheAnnexTableGaveTasks(t *testing.T) {
	tasks := append(append([]Task{}, bodyTasks...),
		Task{Path: []string{"附件2", "1"}, Title: "新建城东至河西乡道联络线八公里", Text: "新建城东至河西乡道联络线八公里"},
		Task{Path: []string{"附件2", "2"}, Title: "改造北山村通村公路路面六公里并加装护栏", Text: "改造北山村通村公路路面六公里并加装护栏"})
	if ws := coverageWarnings(textDoc(t, annexTablePlan), tasks); len(ws) != 0 {
		t.Errorf("a fully read plan has warnings %+v", ws)
	}
}

func TestCoverageNoTasks(t *testing.T) {
	ws := coverageWarnings(textDoc(t, annexTablePlan), nil)
	if len(ws) == 0 || ws[0].Kind != WarnNoTasks {
		t.Fatalf("warnings %+v, want %s first", ws, WarnNoTasks)
	}
	// Then every part in document order: the (二) paragraph names its
	// units, and the annex.
	var kinds []string
	for _, w := range ws[1:] {
		kinds = append(kinds, w.Kind)
	}
	if got := strings.Join(kinds, " "); got != WarnUnreadParagraph+" "+WarnUnreadAnnex {
		t.Errorf("then %s, want the (二) paragraph and the annex", got)
	}
}

// A plan of the common shape: a transmittal sentence, a preface that
// cites its basis, a goals chapter full of responsibility words, numbered
// tasks, a cover list of annex titles. Any parser reads its tasks, and nothing else in it assigns
// work, so it has no document-level warning.
const fullyReadPlan = `某市城区生活垃圾分类工作实施方案
现将本方案印发给你们，各牵头单位要会同配合单位细化工作措施，按季度报送工作进展情况，确保各项任务按期完成、取得实效，形成可复制推广的经验。
为全面贯彻落实上级关于生活垃圾分类的部署要求，根据《某市生活垃圾管理条例》，由市城管局牵头会同有关部门研究制定本方案，请各单位认真抓好落实。
一、总体要求
坚持政府推动、全民参与，各区政府负责辖区内垃圾分类工作，市城管局牵头统筹协调，市有关部门按职责分工配合，形成齐抓共管、协同推进的工作格局。
二、重点任务
（一）完善分类投放设施。2025年9月底前，各小区完成分类投放点改造，配齐四类收集容器，由各区政府负责组织实施。（责任单位：各区政府）
（二）建立收运处置体系。2025年12月底前，建成覆盖全市的分类收运网络，做到分类投放、分类收集、分类运输、分类处理。（责任单位：市城管局）
附件：1.某市生活垃圾分类投放点改造清单
2.某市生活垃圾分类收运车辆配置表
`

func TestCoverageFullyReadPlanHasNoDocumentWarnings(t *testing.T) {
	p := Parse(textDoc(t, fullyReadPlan))
	if len(p.Tasks) == 0 {
		t.Fatal("the plan gave no task")
	}
	if ws := documentWarnings(p.Warnings); len(ws) != 0 {
		t.Errorf("document warnings %+v, want none", ws)
	}
}

func TestCoverageNamesAnUnreadResponsibilityParagraph(t *testing.T) {
	text := strings.Replace(fullyReadPlan, "附件：", "三、其他事项\n建立全市垃圾分类联席会议制度，由市城管局牵头，市发展改革委、市财政局配合，每季度召开一次会议，通报各区工作进展，研究解决推进中遇到的重大问题和困难。\n附件：", 1)
	doc := textDoc(t, text)
	tasks := []Task{
		{Path: []string{"二", "(一)"}, Title: "完善分类投放设施", Text: "完善分类投放设施。2025年9月底前，各小区完成分类投放点改造，配齐四类收集容器，由各区政府负责组织实施。（责任单位：各区政府）"},
		{Path: []string{"二", "(二)"}, Title: "建立收运处置体系", Text: "建立收运处置体系。2025年12月底前，建成覆盖全市的分类收运网络，做到分类投放、分类收集、分类运输、分类处理。（责任单位：市城管局）"},
	}
	ws := coverageWarnings(doc, tasks)
	if len(ws) != 1 || ws[0].Kind != WarnUnreadParagraph {
		t.Fatalf("warnings %+v, want one %s", ws, WarnUnreadParagraph)
	}
	if want := lineOf(t, doc, "建立全市垃圾分类联席会议制度"); ws[0].Line != want {
		t.Errorf("line %d, want %d", ws[0].Line, want)
	}
	if ws[0].Excerpt != excerpt("建立全市垃圾分类联席会议制度，由市城管局牵头，市发展改革委、市财政局配合，每季度召开一次会议，通报各区工作进展，研究解决推进中遇到的重大问题和困难。", excerptChars) {
		t.Errorf("excerpt %q", ws[0].Excerpt)
	}
}

func TestCoverageFoldsTraditionalScript(t *testing.T) {
	text := "某縣防汛工作方案\n一、重點任務\n（一）加強河道清障。汛期前完成主要河道清障。（責任單位：縣水利局）\n二、其他事項\n建立防汛值班制度，由縣應急管理局牽頭，縣水利局、縣氣象局配合，汛期實行領導帶班和二十四小時值班，確保信息暢通、指揮有力、處置及時、群眾安全。\n"
	tasks := []Task{{Path: []string{"一", "(一)"}, Title: "加強河道清障", Text: "加強河道清障。汛期前完成主要河道清障。（責任單位：縣水利局）"}}
	ws := coverageWarnings(textDoc(t, text), tasks)
	if len(ws) != 1 || ws[0].Kind != WarnUnreadParagraph || !strings.HasPrefix(ws[0].Excerpt, "建立防汛值班制度") {
		t.Errorf("warnings %+v, want the 牽頭 paragraph", ws)
	}
}

// realTableDoc is a document read from a word processor: paragraphs and
// table blocks.
func realTableDoc(tables ...[][]string) *docread.Doc {
	doc := &docread.Doc{Name: "plan.docx", Blocks: []docread.Block{
		{Text: "某区社区服务提升方案"},
		{Text: "一、开展便民服务。\n每月组织一次便民服务进社区活动。"},
	}}
	for _, tb := range tables {
		doc.Blocks = append(doc.Blocks, docread.Block{Table: tb}, docread.Block{Text: ""})
	}
	return doc
}

func TestCoverageRealTables(t *testing.T) {
	taskTable := [][]string{
		{"序号", "工作任务", "牵头单位", "完成时限"},
		{"1", "建设社区综合服务中心并投入使用", "区民政局", "2025年底"},
		{"2", "推行社区事务一窗通办改革", "区政务服务中心", "2025年6月"},
	}
	figures := [][]string{{"街道", "户数", "人口"}, {"东街", "1200", "3600"}, {"西街", "900", "2700"}}
	sendList := [][]string{{"抄送：区委办公室，区人大常委会办公室，区政协办公室，区法院，区检察院。"}}
	tasks := []Task{{Path: []string{"一"}, Title: "开展便民服务", Text: "开展便民服务。\n每月组织一次便民服务进社区活动。"}}

	doc := realTableDoc(taskTable, figures, sendList)
	ws := coverageWarnings(doc, tasks)
	if len(ws) != 1 || ws[0].Kind != WarnUnreadTable {
		t.Fatalf("warnings %+v, want the task table alone", ws)
	}
	if want := lineOf(t, doc, "序号"); ws[0].Line != want || !strings.HasPrefix(ws[0].Excerpt, "序号 工作任务 牵头单位 完成时限") {
		t.Errorf("warning %+v, want line %d and the header", ws[0], want)
	}

	read := append(append([]Task{}, tasks...),
		Task{Path: []string{"1"}, Title: "建设社区综合服务中心并投入使用", Text: "建设社区综合服务中心并投入使用"},
		Task{Path: []string{"2"}, Title: "推行社区事务一窗通办改革", Text: "推行社区事务一窗通办改革"})
	if ws := coverageWarnings(doc, read); len(ws) != 0 {
		t.Errorf("warnings %+v once the table gave its tasks", ws)
	}
}

// A table written as text with its header repeated where a page broke is
// one table, named once.
func TestCoverageRepeatedHeaderIsOneTable(t *testing.T) {
	header := "序号\t任务内容\t责任单位\t完成时限\n"
	text := "某镇人居环境整治清单\n" + header +
		"1\t清理村内塘沟垃圾和淤泥\t各村委会\t3月底\n2\t拆除村庄内违章搭建棚舍\t镇城建办\t5月底\n" + header +
		"3\t完成农村户厕改造三百户\t镇农业服务中心\t9月底\n"
	ws := coverageWarnings(textDoc(t, text), []Task{{Title: "无关事项的一个任务", Text: "无关事项的一个任务"}})
	if len(ws) != 1 || ws[0].Kind != WarnUnreadTable || ws[0].Line != 2 {
		t.Errorf("warnings %+v, want one table at line 2", ws)
	}
}

// The lines are numbered as docread.Text numbers them, paragraphs with
// line breaks and table rows included.
func TestSourceLinesFollowDocreadText(t *testing.T) {
	doc := realTableDoc([][]string{{"序号", "任务\n内容"}, {"1", "甲"}})
	doc.Blocks = append(doc.Blocks, docread.Block{Text: "末行一\n末行二"})
	text := strings.Split(docread.Text(doc), "\n")
	for _, l := range sourceLines(doc, nil) {
		if got := strings.Join(strings.Fields(text[l.no-1]), " "); got != l.text {
			t.Errorf("line %d is %q in docread.Text, %q here", l.no, got, l.text)
		}
	}
}

// foldFast folds as fold does, one character for one character.
func TestFoldFastIsFold(t *testing.T) {
	for _, s := range []string{"某縣防汛工作方案（責任單位：縣水利局）", "已是简体，无需转换", "ＡＢＣ１２３ 混合 ü 𠀀"} {
		if got, want := foldFast(s), fold(s); got != want {
			t.Errorf("foldFast(%q) = %q, fold gives %q", s, got, want)
		}
	}
}

// An annexed blank form and an annexed list of contacts hold nothing to
// read as tasks: neither is named, though no task comes from them.
func TestCoverageQuietOnFormsAndNameLists(t *testing.T) {
	text := `某县农机购置补贴实施办法
第一条 县农业农村局负责补贴资金的审核发放，县财政局负责资金拨付。
附件1
某县农机购置补贴项目申请表
项目名称
申请单位
所在乡镇
购置内容
购置价格（元）
申请补贴金额

附件2
某县农机补贴工作联络员名单
序号
单位
姓名
职务
1
县农业农村局
王五
股长
`
	tasks := []Task{{Path: []string{"第一条"}, Title: "县农业农村局负责补贴资金的审核发放，县财政局负责资金拨付", Text: "县农业农村局负责补贴资金的审核发放，县财政局负责资金拨付。"}}
	doc := textDoc(t, text)
	if ws := coverageWarnings(doc, tasks); len(ws) != 0 {
		t.Errorf("warnings %+v, want none", ws)
	}
	// The form's labels look like a header; the header, and the table,
	// stop at the next annex, and a header alone holds no row.
	lines := sourceLines(doc, nil)
	c := coverage{lines: lines, tasks: indexTasks(tasks, false, new(scratch))}
	for _, s := range textTableSpans(lines) {
		for _, l := range lines[s.from:s.to] {
			if annexHeading.MatchString(l.f) {
				t.Errorf("table from line %d runs over %q", lines[s.from].no, l.text)
			}
		}
		if unread, holds := c.unreadTable(s); unread || holds && lines[s.from].text == "项目名称" {
			t.Errorf("table from line %d: unread %v, holds rows %v", lines[s.from].no, unread, holds)
		}
	}
}
