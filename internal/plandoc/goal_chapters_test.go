package plandoc

import (
	"reflect"
	"testing"
)

// A chapter headed 目标任务 whose items name responsible units holds the
// plan's tasks; one whose items only set goals does not.
func TestGoalChapterWithUnitNotesHoldsTasks(t *testing.T) {
	p := parseProse(t, `东岭乡2025年饮水安全工作方案
一、目标任务
（一）新建集中供水点4处，2025年8月底前建成。（责任单位：乡水利站）
（二）更换老旧管网6公里。（责任单位：乡水利站、乡财政所）
二、工作目标
（一）到2025年底，农村自来水普及率达到98%。
三、保障措施
（一）加强督导检查。`)
	want := []string{"一/(一)", "一/(二)", "三/(一)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// A heading that ends in a scope word but acts on it (扩大…覆盖范围) holds
// tasks when its items carry notes, dates or figures; a true scope
// chapter (帮扶的对象) lists whom the plan covers and is left out.
func TestScopeWordHeadingWithWork(t *testing.T) {
	p := parseProse(t, `某县2025年养老服务工作方案
一、拓展助餐服务范围
（一）新增老年助餐点5个。
（二）6月底前实现乡镇全覆盖。
二、帮扶的对象
（一）特困老年人。
（二）独居老年人。
三、提升服务质量
（一）开展护理员培训。（县民政局负责）`)
	want := []string{"一/(一)", "一/(二)", "三/(一)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// A short heading ending in 要求 closes a plan with its requirements
// (optional items); a heading that carries out requirements holds tasks.
func TestRequirementsHeading(t *testing.T) {
	cases := map[string]sectionClass{
		"相关要求":          sectionSafeguard,
		"有关工作要求":        sectionSafeguard,
		"落实安全生产责任制要求":   sectionTasks,
		"贯彻上级关于河道管理的要求": sectionTasks,
	}
	for head, want := range cases {
		if got := classify(head); got != want {
			t.Errorf("classify(%q) = %v, want %v", head, got, want)
		}
	}
}

// Prose that says who leads in general (a principle) does not turn a goal
// chapter into tasks.
func TestGoalChapterProseLeadStaysFrame(t *testing.T) {
	p := parseProse(t, `某县2025年文明城市创建方案
一、基本原则
（一）统筹推进。由县文明办牵头，各部门协同推进创建工作。
二、重点任务
（一）整治背街小巷。（责任单位：县城管局）`)
	want := []string{"二/(一)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}
