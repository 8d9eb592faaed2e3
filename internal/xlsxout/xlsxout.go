// Package xlsxout writes simple workbooks for download: one sheet per
// table, the header row bold on a light fill and frozen, columns sized
// for Chinese text, every cell of the table bordered. Values go in as Go
// values, so numbers stay numbers in Excel and WPS. Each sheet prints on
// A4 one page wide (landscape when wide), its header row repeated on
// every page, 第 N 页 共 M 页 at the foot (PrintSetup).
package xlsxout

import (
	"bytes"
	"fmt"
	"strings"

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
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Border: Borders})
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
	body := &excelize.Style{Border: Borders}
	if len(s.Heights) > 0 {
		body.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	}
	cells, err := f.NewStyle(body)
	if err != nil {
		return err
	}
	if len(s.Rows) > 0 {
		if err := f.SetCellStyle(s.Name, "A2", fmt.Sprintf("%s%d", last, len(s.Rows)+1), cells); err != nil {
			return err
		}
	}
	if err := PrintSetup(f, s.Name, s.Widths, len(s.Header), 1); err != nil {
		return err
	}
	if len(s.Heights) > 0 {
		for i, h := range s.Heights {
			if err := f.SetRowHeight(s.Name, i+2, h); err != nil {
				return err
			}
		}
	}
	return f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// Borders are the thin lines around every cell of a printed table.
var Borders = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
	{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}

// Excel's width of a column left at its default, in characters.
const defaultWidth = 8.43

// portraitWidth is how many characters of column fit across A4 portrait
// at 100% within the default margins; a wider table turns landscape, so
// that fitting it to one page wide does not shrink its text too far.
const portraitWidth = 95

// PageFooter is the footer every sheet prints: 第 1 页 共 3 页, centred.
const PageFooter = "&C第 &P 页 共 &N 页"

// PrintSetup makes sheet print on A4 one page wide and as many pages tall
// as it needs, landscape when its cols columns (widths in characters, a
// missing one Excel's default) are wider than portrait holds, with its
// first headerRows rows repeated atop every page and the page number at
// the foot. The writers that build their workbooks by hand call it too.
func PrintSetup(f *excelize.File, sheet string, widths []float64, cols, headerRows int) error {
	total := 0.0
	for i := range cols {
		if i < len(widths) && widths[i] > 0 {
			total += widths[i]
		} else {
			total += defaultWidth
		}
	}
	orientation := "portrait"
	if total > portraitWidth {
		orientation = "landscape"
	}
	a4, one, tall := 9, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: PageFooter}); err != nil {
		return err
	}
	if headerRows < 1 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows)})
}
