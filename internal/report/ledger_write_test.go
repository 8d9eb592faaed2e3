package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var sampleMeta = LedgerMeta{
	Title:       "嘉兴市数字经济实施方案 执行台账",
	Subtitle:    "责任单位：市发改委；状态：全部",
	GeneratedAt: testTime,
	GeneratedBy: "督查室 张三",
}

func TestWriteLedgerCells(t *testing.T) {
	f := openBytes(t, writeLedgerBytes(t, sampleMeta, SliceRows(sampleRows())))
	if got := f.GetSheetList(); !slices.Equal(got, []string{sheetName}) {
		t.Fatalf("sheets = %v", got)
	}
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3+len(sampleRows()) {
		t.Fatalf("got %d rows, want %d", len(rows), 3+len(sampleRows()))
	}
	if rows[0][0] != sampleMeta.Title {
		t.Errorf("title = %q", rows[0][0])
	}
	for _, want := range []string{"责任单位：市发改委；状态：全部", "生成时间：2024-06-30 09:30", "生成人：督查室 张三"} {
		if !strings.Contains(rows[1][0], want) {
			t.Errorf("subtitle %q lacks %q", rows[1][0], want)
		}
	}
	wantHeader := []string{"序号", "重点任务", "牵头单位", "配合单位", "时间要求", "进展情况", "存在问题", "下步计划", "完成比例", "状态", "最近报送", "任务编号"}
	if !slices.Equal(rows[2], wantHeader) {
		t.Errorf("header = %q", rows[2])
	}
	wantBody := [][]string{
		{"一.(一).1", "推进数字经济“一号工程”", "市发改委", "市经信局、市数据局", "2018-12-31；每年", "已完成一期。\n二期在建。", "", "", "63%", "逾期", "2024-05-01", "101"},
		{"一.(一).2", "建设城市大脑", "市数据局", "", "2024-07-05", "", "", "", "", "临期", "", "102"},
		{"二.(一).1", "优化审批流程", "市审管办、市司法局", "", "每季度", "按季推进", "部门间数据未打通", "三季度完成系统对接", "40%", "推进中", "2024-06-20", "103"},
		{"附件.3", "清理证明事项", "市司法局", "", "", "", "", "", "100%", "已销号", "2024-03-15", "104"},
		{"附件.4", "未启动的任务", "市商务局", "", "", "", "", "", "", "未启动", "", "105"},
	}
	for i, want := range wantBody {
		got := rows[3+i]
		for len(got) < len(want) {
			got = append(got, "")
		}
		if !slices.Equal(got, want) {
			t.Errorf("row %d:\n got %q\nwant %q", 4+i, got, want)
		}
	}
	// The stored percent keeps its precision; only the display rounds.
	if v, _ := f.GetCellValue(sheetName, "I4", excelize.Options{RawCellValue: true}); v != "0.625" {
		t.Errorf("I4 raw = %q, want 0.625", v)
	}
	if typ, _ := f.GetCellType(sheetName, "L4"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("任务编号 cell type = %v, want a number", typ)
	}
}

func TestWriteLedgerStyles(t *testing.T) {
	f := openBytes(t, writeLedgerBytes(t, sampleMeta, SliceRows(sampleRows())))
	style := func(cell string) *excelize.Style {
		t.Helper()
		id, err := f.GetCellStyle(sheetName, cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	title := style("A1")
	if title.Font == nil || !title.Font.Bold || title.Font.Size < 16 || title.Font.Size > 18 || title.Font.Family != "黑体" {
		t.Errorf("title font = %+v", title.Font)
	}
	if title.Alignment == nil || title.Alignment.Horizontal != "center" {
		t.Errorf("title alignment = %+v", title.Alignment)
	}
	for _, cell := range []string{"A3", "F3", "G3", "H3", "L3"} {
		h := style(cell)
		if h.Font == nil || !h.Font.Bold || len(h.Border) != 4 || !slices.Equal(h.Fill.Color, []string{"DDEBF7"}) ||
			h.Alignment == nil || !h.Alignment.WrapText || h.Alignment.Horizontal != "center" {
			t.Errorf("header %s style = font %+v border %d fill %v align %+v", cell, h.Font, len(h.Border), h.Fill.Color, h.Alignment)
		}
	}
	for _, cell := range []string{"B4", "F4", "G6", "H6", "C8"} {
		b := style(cell)
		if len(b.Border) != 4 || b.Alignment == nil || !b.Alignment.WrapText || b.Alignment.Vertical != "top" {
			t.Errorf("body %s style = border %d align %+v", cell, len(b.Border), b.Alignment)
		}
	}
	for cell, fill := range map[string]string{"J4": "FF0000", "J5": "FFC000", "J6": "00B050", "J7": "5B9BD5", "J8": "D9D9D9"} {
		if got := style(cell).Fill.Color; !slices.Equal(got, []string{fill}) {
			t.Errorf("状态 %s fill = %v, want %s", cell, got, fill)
		}
	}
	if s := style("I4"); s.NumFmt != 9 {
		t.Errorf("完成比例 number format = %d, want 9 (0%%)", s.NumFmt)
	}
	for col, want := range map[string]float64{"B": 40, "F": 50, "G": 30, "H": 30, "L": 10} {
		if w, _ := f.GetColWidth(sheetName, col); w != want {
			t.Errorf("column %s width = %v, want %v", col, w, want)
		}
	}
}

func TestWriteLedgerSheetSetup(t *testing.T) {
	data := writeLedgerBytes(t, sampleMeta, SliceRows(sampleRows()))
	f := openBytes(t, data)

	merged, err := f.GetMergeCells(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(refs)
	if !slices.Equal(refs, []string{"A1:L1", "A2:L2"}) {
		t.Errorf("merged = %v", refs)
	}
	panes, err := f.GetPanes(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 3 || panes.XSplit != 0 || panes.TopLeftCell != "A4" {
		t.Errorf("panes = %+v, want frozen below row 3", panes)
	}
	if xml := sheetXML(t, data); !strings.Contains(xml, `<autoFilter ref="$A$3:$L$8"`) {
		t.Errorf("no autoFilter over A3:L8 in sheet XML")
	}
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Name] = d.RefersTo
	}
	if got := names["_xlnm.Print_Titles"]; got != "'执行台账'!$3:$3" {
		t.Errorf("print titles = %q", got)
	}
	layout, err := f.GetPageLayout(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout = size %d %s fit %dx%d", *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
	}
	props, err := f.GetSheetProps(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page is off, so fit-to-width does nothing")
	}
	hf, err := f.GetHeaderFooter(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
		t.Errorf("footer = %q", hf.OddFooter)
	}
	comments, err := f.GetComments(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(comments) != 1 || comments[0].Cell != "L3" || !strings.Contains(commentText(comments[0]), "请勿修改") {
		t.Errorf("comments = %+v, want 请勿修改 on L3", comments)
	}
}

// sheetXML returns the worksheet part, for what excelize cannot read back.
func sheetXML(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func commentText(c excelize.Comment) string {
	s := c.Text
	for _, p := range c.Paragraph {
		s += p.Text
	}
	return s
}

func TestWriteLedgerGroupByPlan(t *testing.T) {
	meta := sampleMeta
	meta.GroupByPlan = true
	f := openBytes(t, writeLedgerBytes(t, meta, SliceRows(sampleRows())))
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	var firsts []string
	for _, r := range rows[3:] {
		firsts = append(firsts, r[0])
	}
	want := []string{"数字经济方案", "一.(一).1", "一.(一).2", "营商环境方案", "二.(一).1", "附件.3", "附件.4"}
	if !slices.Equal(firsts, want) {
		t.Errorf("column A = %q, want %q", firsts, want)
	}
	if merged, _ := f.GetMergeCells(sheetName); len(merged) != 2 {
		t.Errorf("%d merged ranges; band rows must not be merged, or Excel refuses to sort", len(merged))
	}
}

func TestWriteLedgerEmptyAndDefaults(t *testing.T) {
	f := openBytes(t, writeLedgerBytes(t, LedgerMeta{}, SliceRows(nil)))
	rows, err := f.GetRows(sheetName)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "执行台账" || rows[2][11] != "任务编号" {
		t.Errorf("empty ledger rows = %q", rows)
	}
}

func TestWriteLedgerRowError(t *testing.T) {
	boom := errors.New("cursor broke")
	rows := func(yield func(LedgerRow, error) bool) {
		if yield(sampleRows()[0], nil) {
			yield(LedgerRow{}, boom)
		}
	}
	var buf bytes.Buffer
	err := WriteLedger(&buf, sampleMeta, rows)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the cursor's error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes of a failed export", buf.Len())
	}
}

func TestSplitUnits(t *testing.T) {
	tests := []struct {
		units, lead []string
		wantLead    string
		wantHelp    string
	}{
		{[]string{"甲", "乙", "丙"}, []string{"甲"}, "甲", "乙、丙"},
		{[]string{"甲", "乙", "丙"}, []string{"甲", "乙"}, "甲、乙", "丙"},
		{[]string{"甲", "乙"}, nil, "甲、乙", ""}, // no lead named: every unit is responsible
		{[]string{"甲"}, []string{"甲"}, "甲", ""},
		{[]string{"乙"}, []string{"甲"}, "甲", "乙"}, // a lead missing from Units is still the lead
		{nil, nil, "", ""},
	}
	for _, tt := range tests {
		if lead, help := splitUnits(LedgerRow{Units: tt.units, LeadUnits: tt.lead}); lead != tt.wantLead || help != tt.wantHelp {
			t.Errorf("splitUnits(%q, lead %q) = %q, %q; want %q, %q", tt.units, tt.lead, lead, help, tt.wantLead, tt.wantHelp)
		}
	}
}

// TestWriteLedgerRowHeights (issue 14, defect 9): every body row carries a
// height, taller for a title that wraps over several lines in its column, so
// that nothing is cut off on screen or printed.
func TestWriteLedgerRowHeights(t *testing.T) {
	rows := sampleRows()
	rows[1].Title = strings.Repeat("建设城市大脑并推进数据共享", 8) // 104 wide characters in a 40-wide column
	f := openBytes(t, writeLedgerBytes(t, sampleMeta, SliceRows(rows)))
	height := func(row int) float64 {
		t.Helper()
		h, err := f.GetRowHeight(sheetName, row)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	one, two, long := height(8), height(4), height(5) // 附件.4 (one line), 一.(一).1 (two-line progress), the long title
	if one < minRowH || two < 2*lineHeight || long < 6*lineHeight || !(one < two && two < long) {
		t.Errorf("row heights: one line %v, two lines %v, long title %v", one, two, long)
	}
	x := sheetXML(t, writeLedgerBytes(t, sampleMeta, SliceRows(rows)))
	if n := strings.Count(x, `customHeight="1"`); n < len(rows)+3 {
		t.Errorf("%d rows have a set height, want every one of the %d", n, len(rows)+3)
	}
}
