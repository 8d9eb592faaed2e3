package xlsxout

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWrite: two sheets read back with their headers, numbers as
// numbers, and the header row frozen.
func TestWrite(t *testing.T) {
	data, err := Write([]Sheet{
		{Name: "各单位三率", Header: []string{"单位", "满意率（%）"}, Widths: []float64{28, 12}, Rows: [][]any{{"市住建局", 87.5}}},
		{Name: "工单分类", Header: []string{"项目", "件数"}, Rows: [][]any{{"受理工单", 3}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "各单位三率" || got[1] != "工单分类" {
		t.Fatalf("sheets %v", got)
	}
	rows, _ := f.GetRows("各单位三率")
	if len(rows) != 2 || rows[0][1] != "满意率（%）" || rows[1][0] != "市住建局" || rows[1][1] != "87.5" {
		t.Errorf("rows %v", rows)
	}
	if typ, _ := f.GetCellType("工单分类", "B2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("a count stored as text: %v", typ)
	}
	panes, err := f.GetPanes("各单位三率")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v %v", panes, err)
	}
}

// TestHeights: a sheet with heights has its rows that tall and its text
// wrapped; the header keeps its own.
func TestHeights(t *testing.T) {
	data, err := Write([]Sheet{{Name: "问题清单", Header: []string{"问题"}, Widths: []float64{10},
		Rows: [][]any{{"一个很长的问题描述需要换行显示"}, {"短"}}, Heights: []float64{45, 15}}})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for row, want := range map[int]float64{2: 45, 3: 15} {
		if h, err := f.GetRowHeight("问题清单", row); err != nil || h != want {
			t.Errorf("row %d height %v %v, want %v", row, h, err, want)
		}
	}
	id, _ := f.GetCellStyle("问题清单", "A2")
	st, err := f.GetStyle(id)
	if err != nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("A2 style %+v %v: not wrapped", st, err)
	}
}
