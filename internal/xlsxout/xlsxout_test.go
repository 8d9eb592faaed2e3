package xlsxout

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/duban/duban/internal/officetest"

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

// TestPrintSetup: every sheet prints on A4 one page wide (a wide one
// landscape, a narrow one portrait), its header row is the print title
// (_xlnm.Print_Titles), the page number is at the foot, and the table's
// cells, header and body, are bordered.
func TestPrintSetup(t *testing.T) {
	data, err := Write([]Sheet{
		{Name: "重点关注任务", Header: []string{"序号", "任务", "责任单位", "情况"}, Widths: []float64{8, 40, 36, 36},
			Rows: [][]any{{1, "建设政务热线", "市编委办", "逾期"}, {2, "事业单位登记", "市财政局", "逾期"}}},
		{Name: "逐月趋势", Header: []string{"月份", "逾期"}, Widths: []float64{12, 16}, Rows: [][]any{{"2026-01", 0}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	titles := map[string]string{}
	for _, n := range f.GetDefinedName() {
		if n.Name == "_xlnm.Print_Titles" {
			titles[n.Scope] = n.RefersTo
		}
	}
	for sheet, orientation := range map[string]string{"重点关注任务": "landscape", "逐月趋势": "portrait"} {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != orientation ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
			t.Errorf("%s: page layout %+v %v, want A4 %s one page wide", sheet, pl, err, orientation)
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fit to page not set: %+v %v", sheet, props, err)
		}
		if want := "'" + sheet + "'!$1:$1"; titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || hf.OddFooter != "&C第 &P 页 共 &N 页" {
			t.Errorf("%s: footer %+v %v", sheet, hf, err)
		}
	}
	for _, cell := range []string{"A1", "D1", "A2", "D3"} {
		id, _ := f.GetCellStyle("重点关注任务", cell)
		st, err := f.GetStyle(id)
		sides := map[string]bool{}
		if err == nil {
			for _, b := range st.Border {
				sides[b.Type] = b.Style > 0
			}
		}
		if !sides["left"] || !sides["right"] || !sides["top"] || !sides["bottom"] {
			t.Errorf("%s: borders %+v %v", cell, st.Border, err)
		}
	}
	if id, _ := f.GetCellStyle("重点关注任务", "E2"); id != 0 {
		t.Errorf("E2, outside the table, is styled (%d)", id)
	}
}

// TestPrintsInLibreOffice: a 150-row table prints in LibreOffice on
// pages one table wide, its header atop each page and 第 N 页 共 M 页 at
// the foot; two rows print on one page.
func TestPrintsInLibreOffice(t *testing.T) {
	officetest.Require(t)
	sheet := Sheet{Name: "任务", Header: []string{"序号", "任务名称", "责任单位", "到期日", "情况说明"}, Widths: []float64{8, 40, 36, 12, 36}}
	for i := range 150 {
		sheet.Rows = append(sheet.Rows, []any{i + 1, fmt.Sprintf("任务%03d", i+1), "市财政局", "2026-03-31", "按期推进"})
	}
	short := Sheet{Name: "任务", Header: sheet.Header, Widths: sheet.Widths, Rows: sheet.Rows[:2]}
	for _, c := range []struct {
		sheet    Sheet
		min, max int
	}{{short, 1, 1}, {sheet, 2, 6}} {
		data, err := Write([]Sheet{c.sheet})
		if err != nil {
			t.Fatal(err)
		}
		lines := officetest.PDFText(t, officetest.ConvertBytes(t, "表.xlsx", data, "pdf", "pdf"))
		pages := map[int]string{}
		headers := map[int]int{}
		for _, l := range lines {
			pages[l.Page] += l.Text
			if strings.Contains(l.Text, "责任单位") {
				headers[l.Page]++
			}
		}
		n := len(pages)
		if n < c.min || n > c.max {
			t.Errorf("%d rows print on %d pages, want %d to %d", len(c.sheet.Rows), n, c.min, c.max)
		}
		for p, text := range pages {
			if headers[p] != 1 {
				t.Errorf("%d rows: page %d has the header %d times", len(c.sheet.Rows), p, headers[p])
			}
			if want := fmt.Sprintf("第 %d 页 共 %d 页", p, n); !strings.Contains(text, want) {
				t.Errorf("%d rows: page %d lacks %q: %.200s", len(c.sheet.Rows), p, want, text)
			}
		}
		if !strings.Contains(pages[n], "任务150") && len(c.sheet.Rows) == 150 {
			t.Errorf("the last page lacks the last row")
		}
	}
}
