// Package xlsxout writes simple workbooks for download: one sheet per
// table, the header row bold on a light fill and frozen, columns sized
// for Chinese text. Values go in as Go values, so numbers stay numbers in
// Excel and WPS.
package xlsxout

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Sheet is one table of a workbook.
type Sheet struct {
	Name   string
	Header []string
	Widths []float64 // column widths in characters; missing ones stay Excel's
	Rows   [][]any
	// Heights are the rows' heights in points, row by row after the
	// header; a sheet with heights wraps its cells' text, so that a long
	// title prints whole. Missing ones stay Excel's.
	Heights []float64
}

// Write makes the workbook.
func Write(sheets []Sheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE8F6"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, s, bold); err != nil {
			return nil, fmt.Errorf("xlsx: sheet %s: %w", s.Name, err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeSheet(f *excelize.File, s Sheet, bold int) error {
	for i, w := range s.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.Name, col, col, w); err != nil {
			return err
		}
	}
	header := make([]any, len(s.Header))
	for i, h := range s.Header {
		header[i] = h
	}
	if err := f.SetSheetRow(s.Name, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(s.Header))
	if err := f.SetCellStyle(s.Name, "A1", last+"1", bold); err != nil {
		return err
	}
	for i, r := range s.Rows {
		if err := f.SetSheetRow(s.Name, fmt.Sprintf("A%d", i+2), &r); err != nil {
			return err
		}
	}
	if len(s.Heights) > 0 {
		wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s.Name, "A2", fmt.Sprintf("%s%d", last, len(s.Rows)+1), wrap); err != nil {
			return err
		}
		for i, h := range s.Heights {
			if err := f.SetRowHeight(s.Name, i+2, h); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
