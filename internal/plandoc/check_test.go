package plandoc

import (
	"reflect"
	"testing"
)

func TestCheckTasks(t *testing.T) {
	tasks := []Task{
		{Path: []string{"一", "1"}, Title: "建立台账", Units: []string{"区财政局"}, Deadlines: []Deadline{{Text: "6月底前", Due: "2024-06-30"}}},
		{Path: []string{"一", "2"}, Title: "开展培训"},
		{Path: []string{"一", "2"}, Title: "组织考评", LeadUnits: []string{"区人社局"}, Deadlines: []Deadline{{Text: "每季度", Every: EveryQuarter}}},
		{Path: []string{"三", "1"}, Title: "加强宣传", Optional: true},
	}
	var kinds []string
	for _, w := range CheckTasks(tasks) {
		kinds = append(kinds, w.Kind+":"+w.Excerpt)
	}
	want := []string{"no_unit:开展培训", "no_deadline:开展培训", "duplicate_path:组织考评"}
	if !reflect.DeepEqual(kinds, want) {
		t.Fatalf("CheckTasks = %v, want %v", kinds, want)
	}
	if !TaskWarning(WarnNoUnit) || TaskWarning(WarnUnreadAnnex) {
		t.Fatal("TaskWarning sorts the kinds wrongly")
	}
}
