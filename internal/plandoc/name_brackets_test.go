package plandoc

import (
	"reflect"
	"testing"
)

// A bracket of division kinds glued to a catch-all name is part of the name.
func TestDivisionBracketIsPartOfName(t *testing.T) {
	cases := []struct {
		text  string
		units []string
	}{
		{"开展秸秆禁烧巡查。\n配合单位：县生态环境局、各乡镇（街道）", []string{"县生态环境局", "各乡镇（街道）"}},
		{"清理河道垃圾，各镇（区）抓好落实。（责任单位：县水利局）", []string{"县水利局"}},
		{"开展消防检查（县消防大队）", []string{"县消防大队"}},
	}
	for _, c := range cases {
		var units []string
		for _, n := range notesOf(c.text) {
			units = append(units, n.units...)
		}
		if !reflect.DeepEqual(units, c.units) {
			t.Errorf("%s: units %q, want %q", c.text, units, c.units)
		}
	}
}

// A field label printed in brackets at the start of a line frames a note.
func TestBracketedFieldLabel(t *testing.T) {
	var units []string
	for _, n := range notesOf("清理卫生死角50处。\n【责任单位】县爱卫办、各社区\n【完成时限】2026年4月底前") {
		units = append(units, n.units...)
	}
	if want := []string{"县爱卫办", "各社区"}; !reflect.DeepEqual(units, want) {
		t.Errorf("units %q, want %q", units, want)
	}
	if got := bracketedFieldLabel("【典型经验】某镇推行积分制"); got != "【典型经验】某镇推行积分制" {
		t.Errorf("a bracketed heading that is no unit label was rewritten: %q", got)
	}
}
