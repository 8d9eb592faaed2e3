package plandoc

import (
	"reflect"
	"testing"
)

// An ordinary plan in markdown with a section of stages (### 阶段目标)
// is no commitment template: its numbered items stay tasks.
func TestMarkdownStagesAreNoCommitment(t *testing.T) {
	p := parseProse(t, `# 南坪县2025年河湖整治工作方案
## 一、主要任务
1. 清理河道垃圾。2025年5月底前完成。（县水利局负责）
2. 拆除违建码头3处。（县城管局负责）
## 二、实施步骤
### 阶段目标
#### 摸底排查阶段（2025年3月底前）
各乡镇完成河道摸底。
#### 集中整治阶段（2025年4月至9月）
各责任单位集中整治。`)
	if len(p.Tasks) < 2 || len(p.Tasks[0].Milestones) != 0 {
		t.Fatalf("tasks = %v", paths(p))
	}
	want := []string{"一", "1"}
	if got := p.Tasks[0].Path; !reflect.DeepEqual(got, want) {
		t.Errorf("first path = %v, want %v", got, want)
	}
}

// A markdown heading about solving problems heads tasks; only a heading
// about the problems found (## 存在的问题) describes.
func TestProblemSolvingHeadingHoldsTasks(t *testing.T) {
	p := parseProse(t, `# 河口镇2025年为民办实事方案
## 存在的问题
1. 停车位紧张。
2. 路灯损坏多。
## 集中破解群众出行难问题
1. 新增停车位200个。（责任单位：镇城建办）
2. 修复路灯50盏。（责任单位：镇城建办）`)
	want := []string{"1", "2"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// Numbering that restarts under each unnumbered markdown heading names
// the group by its heading, as it does for a plain sub-heading line.
func TestMarkdownHeadingsRestartNumbering(t *testing.T) {
	p := parseProse(t, `# 河口镇2025年为民办实事方案
## 改善出行条件
1. 新增停车位200个。（责任单位：镇城建办）
2. 修复路灯50盏。（责任单位：镇城建办）
## 丰富文化生活
1. 举办广场文艺演出12场。（责任单位：镇文化站）`)
	want := []string{"改善出行条件/1", "改善出行条件/2", "丰富文化生活/1"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// Bold marks around an item's short heading do not reach its title.
func TestMarkdownBoldLeavesTitle(t *testing.T) {
	p := parseProse(t, `# 某区2025年智慧社区建设方案
## 一、重点任务
1. **建设社区服务平台**。2025年9月底前上线。（责任单位：区数据局）
2. __推广线上办事__。（责任单位：区民政局）`)
	if len(p.Tasks) != 2 || p.Tasks[0].Title != "建设社区服务平台" || p.Tasks[1].Title != "推广线上办事" {
		t.Errorf("tasks = %+v", p.Tasks)
	}
	if got := stripEmphasis("注*：不含**加粗"); got != "注*：不含**加粗" {
		t.Errorf("an unpaired mark was dropped: %q", got)
	}
}

// A list whose items name responsible units is work even under a heading
// that reads as description.
func TestDescriptiveHeadingWithAssignedItems(t *testing.T) {
	p := parseProse(t, `# 某镇2025年人居环境整治方案
## 现状提升
1. 清理村庄垃圾点20处。（责任单位：镇环卫所）
2. 改造农村户厕150户。（责任单位：镇农办）
## 背景说明
1. 近年来村庄面貌明显改善。`)
	want := []string{"1", "2"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}

// The same under a numbered chapter heading: the group sits below it.
func TestMarkdownSubHeadingsRestartUnderChapter(t *testing.T) {
	p := parseProse(t, `# 某县2025年乡村建设方案
## 一、重点任务
### 道路建设
1. 硬化村组道路10公里。（责任单位：县交通局）
2. 安装路灯300盏。（责任单位：县住建局）
### 饮水保障
1. 改造供水管网5公里。（责任单位：县水利局）
## 二、保障措施
1. 加强督查考核。`)
	want := []string{"一/道路建设/1", "一/道路建设/2", "一/饮水保障/1", "二/1"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Errorf("paths = %v, want %v", got, want)
	}
}
