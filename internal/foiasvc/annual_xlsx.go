package foiasvc

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/xlsxout"
)

// AnnualXlsx is the annual report's table as a workbook laid out like the
// report's own: the items down, the applicant columns across, the
// sub-items indented, ready to paste into the 年度报告.
func AnnualXlsx(year int, rows []foia.Row) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "收到和处理申请情况"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	header := []any{"项目"}
	for _, a := range foia.Applicants {
		header = append(header, foia.ApplicantLabel(a))
	}
	header = append(header, "总计")
	title := fmt.Sprintf("%d年 收到和处理政府信息公开申请情况", year)
	if err := f.SetCellValue(sheet, "A1", title); err != nil {
		return nil, err
	}
	if err := f.SetSheetRow(sheet, "A2", &header); err != nil {
		return nil, err
	}
	for i, r := range rows {
		line := []any{strings.Repeat("　", r.Depth) + r.Label}
		for _, n := range r.Counts {
			line = append(line, n)
		}
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+3), &line); err != nil {
			return nil, err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: xlsxout.Borders,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	cells, err := f.NewStyle(&excelize.Style{Border: xlsxout.Borders})
	if err != nil {
		return nil, err
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	f.SetCellStyle(sheet, "A1", "A1", bold)
	f.SetCellStyle(sheet, "A2", last+"2", head)
	if len(rows) > 0 {
		f.SetCellStyle(sheet, "A3", fmt.Sprintf("%s%d", last, len(rows)+2), cells)
	}
	widths := []float64{70}
	for range len(header) - 1 {
		widths = append(widths, 12)
	}
	f.SetColWidth(sheet, "A", "A", widths[0])
	f.SetColWidth(sheet, "B", last, 12)
	// Printed as the report's table: one page wide, the title and the
	// header atop every page, page numbers at the foot.
	if err := xlsxout.PrintSetup(f, sheet, widths, len(header), 2); err != nil {
		return nil, err
	}
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
