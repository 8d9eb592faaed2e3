package docread

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// An invented task sheet saved as CSV, the way Excel pads every record to
// the sheet's width and quotes a cell with a line break.
const sheetCSV = "某区2025年重点工作任务表,,,\r\n" +
	",,,\r\n" +
	"序号,工作任务,责任单位,完成时限\r\n" +
	"1,建成社区食堂10家,区民政局,2025年6月底前\r\n" +
	"2,\"推进老旧小区改造，\n完成加装电梯20台\",\"区住建委,各街道\",2025年底前\r\n"

func TestCSVIsReadAsATable(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(sheetCSV)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file, data, enc string
	}{
		{"utf-8", "任务表.csv", sheetCSV, encUTF8},
		{"utf-8 with BOM", "任务表.csv", "\uFEFF" + sheetCSV, encUTF8},
		{"gbk", "任务表.csv", gbk, encGB18030},
		{"gbk under another name", "任务表.txt", gbk, encGB18030},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustRead(t, tc.file, []byte(tc.data))
			if doc.Format != FormatCSV || doc.Encoding != tc.enc || len(doc.Blocks) != 1 || !doc.Blocks[0].IsTable() {
				t.Fatalf("format %q encoding %q, %d blocks", doc.Format, doc.Encoding, len(doc.Blocks))
			}
			rows := doc.Blocks[0].Table
			if len(rows) != 5 || rows[2][1] != "工作任务" || rows[4][1] != "推进老旧小区改造，\n完成加装电梯20台" || rows[4][2] != "区住建委,各街道" {
				t.Errorf("rows %q", rows)
			}
			for i, r := range rows {
				if len(r) != 4 {
					t.Errorf("row %d has %d cells, want 4", i, len(r))
				}
			}
		})
	}
}

// Prose written with half-width commas is not a table: its lines have as
// many commas as their sentences happen to.
func TestProseWithCommasIsText(t *testing.T) {
	prose := strings.Join([]string{
		"某县2025年河道整治工作方案",
		"一、总体要求",
		"坚持系统治理,源头管控,标本兼治,全面改善河道水质.",
		"二、主要任务",
		"1.开展河道清淤,年底前完成30公里.",
		"2.整治入河排污口,建立台账,动态销号.",
	}, "\n")
	doc := mustRead(t, "方案.txt", []byte(prose))
	if doc.Format != FormatText || len(doc.Blocks) != 6 {
		t.Errorf("prose read as %q with %d blocks", doc.Format, len(doc.Blocks))
	}
	// Two columns are a table only when the file says it is CSV.
	pairs := "事项,单位\n建档立卡,区民政局\n危房改造,区住建委\n"
	if doc := mustRead(t, "清单.txt", []byte(pairs)); doc.Format != FormatText {
		t.Errorf("two comma-separated columns without a .csv name read as %q", doc.Format)
	}
	if doc := mustRead(t, "清单.csv", []byte(pairs)); doc.Format != FormatCSV {
		t.Errorf("a .csv of two columns read as %q", doc.Format)
	}
}

// LibreOffice's CSV of the real workbook 07 holds the cells of the .xlsx
// (a merged range's value in its first cell only).
func TestRealCSVMatchesXlsx(t *testing.T) {
	csvDoc := mustRead(t, "07.csv", testdata(t, "07_sichuan_bureau_it_maintenance_items.sheet1.csv"))
	xlsxDoc := mustRead(t, "07.xlsx", testdata(t, "07_sichuan_bureau_it_maintenance_items.xlsx"))
	if csvDoc.Format != FormatCSV || len(csvDoc.Blocks) != 1 {
		t.Fatalf("format %q, %d blocks", csvDoc.Format, len(csvDoc.Blocks))
	}
	got, want := csvDoc.Blocks[0].Table, xlsxDoc.Blocks[0].Table
	if len(got) != len(want) {
		t.Fatalf("%d rows, the workbook %d", len(got), len(want))
	}
	for i := range got {
		for j, v := range got[i] {
			if v != "" && v != want[i][j] {
				t.Errorf("cell %d,%d = %q, the workbook %q", i, j, v, want[i][j])
			}
		}
	}
}
