package plandoc

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/docread"
)

// A sheet's title row above its header is the plan's title, and the table
// starts at the header.
func TestSheetTitleRowIsCaption(t *testing.T) {
	doc := &docread.Doc{Name: "t.csv", Blocks: []docread.Block{{Table: [][]string{
		{"西城区2026年背街小巷整治任务清单", "", "", ""},
		{"", "", "", ""},
		{"序号", "工作任务", "责任单位", "完成时限"},
		{"1", "整治背街小巷6条", "区城管委", "2026年6月底前"},
	}}}}
	lines := linesOf(doc)
	if len(lines) != 2 || lines[0].text != "西城区2026年背街小巷整治任务清单" || len(lines[1].table) != 2 {
		t.Fatalf("lines = %+v, want a title line and a 2-row table", lines)
	}
	// A row above the header with two different values is part of the table.
	doc.Blocks[0].Table[0] = []string{"说明", "本表按季度更新", "", ""}
	if got := linesOf(doc); len(got) != 1 || !strings.Contains(got[0].table[0][1], "季度") {
		t.Errorf("a non-caption row was taken out of the table: %+v", got)
	}
}
