package plandoc

import (
	"strings"
	"testing"
)

// A 具体措施 column belongs to the task's text and gives its targets,
// measure by measure without their numbers; a 评分标准 column does not.
func TestDetailColumnGivesTargets(t *testing.T) {
	rows := [][]string{
		{"序号", "重点任务", "具体措施", "评分标准", "牵头单位", "完成时限"},
		{"1", "提升公共文化服务", "1.新建城市书房6个；\n2.送戏下乡120场", "少建1个扣2分", "市文旅局", "2026年11月底前"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 1 {
		t.Fatalf("got %d tasks, want 1", len(tasks))
	}
	task := tasks[0]
	if task.Title != "提升公共文化服务" || !strings.Contains(task.Text, "送戏下乡") || strings.Contains(task.Text, "扣2分") {
		t.Errorf("title %q, text %q", task.Title, task.Text)
	}
	var got []string
	for _, tg := range task.Targets {
		got = append(got, tg.Text)
	}
	if strings.Join(got, "|") != "新建城市书房6个|送戏下乡120场" {
		t.Errorf("targets = %q, want the two measures", got)
	}
}

// A 具体举措 column beside 主要任务 details the task too.
func TestMeasuresColumnNamedJucuo(t *testing.T) {
	rows := [][]string{
		{"序号", "主要任务", "具体举措", "责任单位"},
		{"1", "发展夜间经济", "打造夜市街区2条", "市商务局"},
	}
	tasks, _ := tableTasks(rows, nil, 2026)
	if len(tasks) != 1 || len(tasks[0].Targets) != 1 || tasks[0].Title != "发展夜间经济" {
		t.Errorf("tasks = %+v, want one task titled 发展夜间经济 with the target 2条", tasks)
	}
}
