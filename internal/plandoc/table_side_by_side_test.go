package plandoc

import (
	"reflect"
	"testing"
)

// Two task tables set side by side on one sheet are read as two tables:
// each row gives two tasks, each with its own unit.
func TestSideBySideTables(t *testing.T) {
	rows := [][]string{
		{"序号", "春季任务", "责任单位", "", "序号", "秋季任务", "责任单位"},
		{"1", "植树造林500亩", "市林业局", "", "1", "秸秆禁烧巡查", "市生态环境局"},
		{"2", "河道清淤", "市水利局", "", "", "", ""},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 3 {
		t.Fatalf("got %d tasks, want 3", len(tasks))
	}
	if want := []string{"秋季任务", "1"}; !reflect.DeepEqual(tasks[2].Path, want) {
		t.Errorf("path = %q, want %q", tasks[2].Path, want)
	}
	if want := []string{"市生态环境局"}; !reflect.DeepEqual(tasks[2].Units, want) {
		t.Errorf("units = %q, want %q", tasks[2].Units, want)
	}
}
