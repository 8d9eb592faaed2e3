package plandoc

import (
	"reflect"
	"testing"
)

// A note that gives the task's time next to its units names only the units.
func TestNoteTimeClausesAreNoUnits(t *testing.T) {
	cases := []struct {
		text        string
		units, lead []string
	}{
		{"新建村级文化广场4个。（责任单位：镇文化站，完成时限：2026年9月底前）", []string{"镇文化站"}, nil},
		{"更新公交车辆30台。（县交通局牵头，县财政局、县国资公司配合，2026年10月底前）", []string{"县交通局", "县财政局", "县国资公司"}, []string{"县交通局"}},
		{"建成城市书房6处。（县图书馆牵头，年内建成）", []string{"县图书馆"}, []string{"县图书馆"}},
		{"改造农贸市场2个。（县商务局，2026年6月底前）", []string{"县商务局"}, nil},
		{"开展河道保洁。（牵头单位：县水利局；配合单位：各乡镇；时间：长期坚持）", []string{"县水利局", "各乡镇"}, []string{"县水利局"}},
	}
	for _, c := range cases {
		var units, lead []string
		for _, n := range notesOf(c.text) {
			units = append(units, n.units...)
			lead = append(lead, n.lead...)
		}
		if !reflect.DeepEqual(units, c.units) || !reflect.DeepEqual(lead, c.lead) {
			t.Errorf("%s: units %q lead %q, want %q %q", c.text, units, lead, c.units, c.lead)
		}
	}
}

// A note that holds nothing but a time is not a note of units.
func TestTimeOnlyNoteGivesNoUnits(t *testing.T) {
	if n := notesOf("完成道路白改黑5公里（2026年6月底前）。"); len(n) != 0 {
		t.Errorf("time-only note read as units: %+v", n)
	}
}

// A time label after the units with only a space between starts a clause of
// its own.
func TestSpacedTimeLabelInNote(t *testing.T) {
	var units []string
	for _, n := range notesOf("建设烘干中心1个。（责任单位：镇农技站 镇财政所 完成时限：2026年9月）") {
		units = append(units, n.units...)
	}
	if want := []string{"镇农技站", "镇财政所"}; !reflect.DeepEqual(units, want) {
		t.Errorf("units %q, want %q", units, want)
	}
}

// A unit name wrapped over two lines is one name.
func TestWrappedUnitName(t *testing.T) {
	var units []string
	for _, n := range notesOf("改造燃气管道20公里。（县住建局牵头，各\n乡镇人民政府配合）") {
		units = append(units, n.units...)
	}
	if want := []string{"县住建局", "各乡镇人民政府"}; !reflect.DeepEqual(units, want) {
		t.Errorf("units %q, want %q", units, want)
	}
}
