package docread

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// workbook builds an .xlsx with excelize; fill gets the open file.
func workbook(t testing.TB, fill func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestXlsx(t *testing.T) {
	data := workbook(t, func(f *excelize.File) {
		// Sheet1: title merged over A1:D2, header on row 3, a category
		// merged down A4:A5, a date and a number with formats.
		must(t, f.SetCellValue("Sheet1", "A1", "2024年重点工作任务台账"))
		must(t, f.MergeCell("Sheet1", "A1", "D2"))
		must(t, f.SetSheetRow("Sheet1", "A3", &[]any{"类别", "任务", "责任单位", "完成时限"}))
		must(t, f.SetSheetRow("Sheet1", "A4", &[]any{"经济发展", "招商引资", "商务局"}))
		must(t, f.SetSheetRow("Sheet1", "B5", &[]any{"项目建设", "发改局"}))
		must(t, f.MergeCell("Sheet1", "A4", "A5"))
		must(t, f.SetCellValue("Sheet1", "D4", time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)))
		style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		must(t, err)
		must(t, f.SetCellStyle("Sheet1", "D4", "D4", style))
		must(t, f.SetCellValue("Sheet1", "D5", 0.5))
		// Format 31 is an East Asian built-in: 2024年6月30日 on a Chinese
		// system.
		must(t, f.SetSheetRow("Sheet1", "A6", &[]any{"社会事业", "民生实事", "民政局", time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}))
		cn, err := f.NewStyle(&excelize.Style{NumFmt: 31})
		must(t, err)
		must(t, f.SetCellStyle("Sheet1", "D6", "D6", cn))
		pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
		must(t, err)
		must(t, f.SetCellStyle("Sheet1", "D5", "D5", pct))
		// Formatting far to the right and below the data is not data.
		must(t, f.SetCellStyle("Sheet1", "H20", "H20", pct))
		// An empty sheet, and a second data sheet.
		_, err = f.NewSheet("空表")
		must(t, err)
		_, err = f.NewSheet("附表")
		must(t, err)
		must(t, f.SetSheetRow("附表", "A1", &[]any{"序号", "事项"}))
		must(t, f.SetSheetRow("附表", "A2", &[]any{1, "督办"}))
	})
	// OA systems save workbooks under a .doc name: content decides.
	doc := mustRead(t, "台账.doc", data)
	if doc.Format != FormatXlsx {
		t.Fatalf("Format = %q", doc.Format)
	}
	if len(doc.Blocks) != 2 {
		t.Fatalf("blocks = %d, want 2 (the empty sheet skipped)", len(doc.Blocks))
	}
	want := [][]string{
		{"2024年重点工作任务台账", "2024年重点工作任务台账", "2024年重点工作任务台账", "2024年重点工作任务台账"},
		{"2024年重点工作任务台账", "2024年重点工作任务台账", "2024年重点工作任务台账", "2024年重点工作任务台账"},
		{"类别", "任务", "责任单位", "完成时限"},
		{"经济发展", "招商引资", "商务局", "2024/6/30"},
		{"经济发展", "项目建设", "发改局", "50%"},
		{"社会事业", "民生实事", "民政局", "2024年12月31日"},
	}
	b := doc.Blocks[0]
	if b.Sheet != "Sheet1" {
		t.Errorf("Sheet = %q", b.Sheet)
	}
	if len(b.Table) != len(want) {
		t.Fatalf("rows = %q", b.Table)
	}
	for i := range want {
		if !slices.Equal(b.Table[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i, b.Table[i], want[i])
		}
	}
	if s := doc.Blocks[1]; s.Sheet != "附表" || !slices.Equal(s.Table[1], []string{"1", "督办"}) {
		t.Errorf("second sheet = %q %q", s.Sheet, s.Table)
	}
}

func TestXlsxMergeBeyondData(t *testing.T) {
	// A merge reaching to the last row of the grid is clipped to the data.
	sheet := `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>` +
		`<row r="2"><c r="B2" t="inlineStr"><is><t>y</t></is></c></row></sheetData>` +
		`<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>`
	doc := mustRead(t, "m.xlsx", rawXlsx(t, sheet))
	got := tables(doc)[0]
	if len(got) != 2 || !slices.Equal(got[1], []string{"说明", "y"}) {
		t.Errorf("table = %q", got)
	}
}

// rawXlsx builds a one-sheet workbook around the given worksheet XML,
// for cases excelize would not write.
func rawXlsx(t testing.TB, sheet string) []byte {
	t.Helper()
	return buildZip(t,
		part{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		part{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		part{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		part{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		part{"xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sheet + `</worksheet>`},
	)
}
