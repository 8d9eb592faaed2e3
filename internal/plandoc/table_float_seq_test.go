package plandoc

import (
	"reflect"
	"testing"
)

// Row numbers written as decimals by an export (1.0, 2.0) are row numbers.
func TestDecimalRowNumbers(t *testing.T) {
	rows := [][]string{
		{"序号", "重点任务", "责任单位"},
		{"1.0", "新建公租房200套", "市住建局"},
		{"2.0", "改造棚户区3片", "市住建局"},
	}
	tasks, ok := tableTasks(rows, nil, 2026)
	if !ok || len(tasks) != 2 {
		t.Fatalf("got %d tasks, want 2", len(tasks))
	}
	if !reflect.DeepEqual(tasks[1].Path, []string{"2"}) {
		t.Errorf("path = %q, want [2]", tasks[1].Path)
	}
	if wholeSeq("1.1") != "1.1" {
		t.Errorf("a sub-number lost its part")
	}
}
