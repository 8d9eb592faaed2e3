package foiasvc

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/duban/duban/internal/foia"
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
	f.SetCellStyle(sheet, "A1", "H2", bold)
	f.SetColWidth(sheet, "A", "A", 70)
	f.SetColWidth(sheet, "B", "H", 12)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
