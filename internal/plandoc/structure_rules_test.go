package plandoc

import (
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// parseText parses an invented document given as plain text lines.
func parseText(t *testing.T, s string) *Plan {
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
	for _, in := range []string{"2021-2025年行动", "3-2", "12-345 号", "1-3月完成"} {
		if kind, _, _ := matchLabel(in); kind == kindDashed {
			t.Errorf("matchLabel(%q) took a range for a label", in)
		}
	}
}

// A markdown commitment template is one task whose checkpoint headings are
// its milestones; the numbered lists of its descriptive sections are not
// tasks.
func TestCommitmentTemplate(t *testing.T) {
	p := parseText(t, `# 3-2 建立河湖水质公开查询平台

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
