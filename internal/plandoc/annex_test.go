package plandoc

import (
	"reflect"
	"testing"
)

// Several prose plans annexed to a cover report are all read, each with
// its annex's name before its paths; the list of annexes and the cover's
// signature give no task.
func TestSeveralAnnexedPlans(t *testing.T) {
	p := parseProse(t, `关于报送春耕备耕工作方案的报告
局领导：
现将各科室方案报送如下。
附件：1.春耕物资保障方案
2.农机作业调度方案
农业科
2023年2月10日
附件1：
春耕物资保障方案
一、工作目标
确保物资供应。
二、主要措施
（一）摸清种子化肥需求。
（二）组织产销对接。
附件2：
农机作业调度方案
一、主要措施
（一）建立农机调度台账。（责任单位：农机站）
（二）开展跨区作业。
三、保障措施
（一）加强组织领导。`)
	want := []string{"附件1/二/(一)", "附件1/二/(二)", "附件2/一/(一)", "附件2/一/(二)", "附件2/三/(一)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if p.Title != "关于报送春耕备耕工作方案的报告" || p.Issuer != "农业科" || p.IssuedOn != "2023-02-10" {
		t.Errorf("meta = %q %q %q", p.Title, p.Issuer, p.IssuedOn)
	}
	if !reflect.DeepEqual(p.Tasks[2].Units, []string{"农机站"}) {
		t.Errorf("units = %v", p.Tasks[2].Units)
	}
}

// A notice that carries its own tasks keeps plain paths; a prose plan
// annexed to it is prefixed by its annex.
func TestAnnexedPlanAfterOwnTasks(t *testing.T) {
	p := parseProse(t, `某县人民政府关于推进乡村道路养护的通知
各乡镇人民政府：
一、落实养护责任
乡镇负责村道日常养护。
二、保障养护资金
县财政每年安排专项资金。
某县人民政府
2022年3月1日
附件
村道养护实施细则
一、养护内容
（一）清理路面。
（二）修补坑槽。`)
	want := []string{"一", "二", "附件/一/(一)", "附件/一/(二)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if p.Title != "某县人民政府关于推进乡村道路养护的通知" || p.Issuer != "某县人民政府" {
		t.Errorf("title, issuer = %q %q", p.Title, p.Issuer)
	}
}

// A reply or report whose single annex is a plan: the annex is the plan,
// with plain paths and its heading as title.
func TestCoverWithOneAnnexedPlan(t *testing.T) {
	p := parseProse(t, `某市财政局
关于征求《社区养老服务提升方案》意见的复函
市民政局：
一、建议增加资金来源说明。
二、建议明确考核办法。
附件：社区养老服务提升方案（修改稿）
某市财政局
2021年8月2日
社区养老服务提升方案
一、主要任务
（一）建设日间照料中心。
（二）培训护理员。`)
	want := []string{"一/(一)", "一/(二)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
	if p.Title != "社区养老服务提升方案" || p.Issuer != "某市财政局" {
		t.Errorf("title, issuer = %q %q", p.Title, p.Issuer)
	}
}

func TestAnnexName(t *testing.T) {
	for in, want := range map[string]string{"附件3：": "附件3", "附件": "附件", "附件：XX方案": "附件", "附件１２": "附件12", "附件二：": "附件2"} {
		if got := annexName(in); got != want {
			t.Errorf("annexName(%q) = %q, want %q", in, got, want)
		}
	}
}

// An annex whose heading names no plan (a list of contacts) gives no
// tasks even when its lines are numbered.
func TestAnnexWithoutPlanHeading(t *testing.T) {
	p := parseProse(t, `某镇环境整治实施方案
一、主要任务
（一）清理垃圾。
附件1
联络员名单
1.张某，镇政府办。
2.李某，镇环保站。`)
	if want := []string{"一/(一)"}; !reflect.DeepEqual(paths(p), want) {
		t.Errorf("paths = %v, want %v", paths(p), want)
	}
}

// A table pasted one cell per line in an annex is no prose plan, even when
// its header cells are short lines that could continue the heading.
func TestAnnexTableIsNoProsePlan(t *testing.T) {
	p := parseProse(t, `某区养老服务提升方案
一、主要任务
（一）建设助餐点。
附件
某区养老服务重点任务清单
类别
序号
任务
一、设施类
1
新建助餐点10个`)
	for _, task := range p.Tasks {
		if len(task.Path) > 1 && task.Path[1] == "一" {
			t.Errorf("the annex table was read as a prose plan: %v", task.Path)
		}
	}
}

// A notice issuing several plans attached as annexes: each plan, the
// first one too, is prefixed by its annex.
func TestNoticeIssuingSeveralAnnexedPlans(t *testing.T) {
	p := parseProse(t, `某区人民政府办公室关于印发某区两个专项行动方案的通知
各街道：
现将两个方案印发给你们。
某区人民政府办公室
2024年2月20日
附件1
某区夜间经济提升行动方案
一、主要任务
（一）打造夜间街区。
附件2
某区老字号振兴行动方案
一、主要任务
（一）建立老字号名录。`)
	want := []string{"附件1/一/(一)", "附件2/一/(一)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}
