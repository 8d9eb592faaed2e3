package docread

import "testing"

func TestText(t *testing.T) {
	d := &Doc{Blocks: []Block{{Text: "一、总体要求"}, {Table: [][]string{{"序号", "任务"}, {"1", "加强\n组织"}}}, {Text: "附件"}}}
	if got, want := Text(d), "一、总体要求\n序号\t任务\n1\t加强 组织\n附件\n"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}
