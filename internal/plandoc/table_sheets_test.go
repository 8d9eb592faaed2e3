package plandoc

import (
	"reflect"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// Two sheets each numbered from 1 keep their tasks apart by the sheets'
// names; a default sheet name adds no level.
func TestSheetNameIsPathLevel(t *testing.T) {
	table := func(task string) [][]string {
		return [][]string{{"序号", "工作任务", "责任单位"}, {"1", task, "县交通局"}}
	}
	doc := &docread.Doc{Name: "w.xlsx", Format: docread.FormatXlsx, Blocks: []docread.Block{
		{Table: table("硬化村道8公里"), Sheet: "农村"},
		{Table: table("新建公交站台5个"), Sheet: "城区"},
		{Table: table("更换路灯100盏"), Sheet: "Sheet3"},
	}}
	var paths [][]string
	for _, task := range Parse(doc).Tasks {
		paths = append(paths, task.Path)
	}
	want := [][]string{{"农村", "1"}, {"城区", "1"}, {"1"}}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("paths = %q, want %q", paths, want)
	}
}
