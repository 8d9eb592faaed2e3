package report

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// taskIDNote is the note on the 任务编号 header. Nothing is locked, because
// a locked sheet stops units from adding their own notes and columns; the
// note asks instead, and the import refuses rows whose number is wrong.
const taskIDNote = "请勿修改：导入进展时按任务编号匹配任务。"

// setupLedgerPage sets what the sheet needs for print and for people:
// A4 landscape, one page wide, header row repeated, page numbers, the note on
// 任务编号 and the document properties.
func setupLedgerPage(f *excelize.File, meta LedgerMeta) error {
	a4, landscape, one, zero := 9, "landscape", 1, 0
	fit := true
	margin, edge := 0.4, 0.3
	steps := []struct {
		what string
		err  func() error
	}{
		{"page layout", func() error {
			// fitToHeight 0 means "as many pages as it takes"; without it
			// Excel squeezes the whole ledger onto one page.
			return f.SetPageLayout(sheetName, &excelize.PageLayoutOptions{
				Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
			})
		}},
		{"fit to page", func() error {
			return f.SetSheetProps(sheetName, &excelize.SheetPropsOptions{FitToPage: &fit})
		}},
		{"margins", func() error {
			return f.SetPageMargins(sheetName, &excelize.PageLayoutMarginsOptions{
				Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
			})
		}},
		{"footer", func() error {
			return f.SetHeaderFooter(sheetName, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"})
		}},
		{"print titles", func() error {
			return f.SetDefinedName(&excelize.DefinedName{
				Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheetName, headerRow, headerRow), Scope: sheetName,
			})
		}},
		{"note", func() error {
			return f.AddComment(sheetName, excelize.Comment{
				Cell: lastColumn() + fmt.Sprint(headerRow), Author: "督查室", Text: taskIDNote, Width: 200, Height: 50,
			})
		}},
		{"properties", func() error {
			props := &excelize.DocProperties{Title: meta.Title, Creator: meta.GeneratedBy, Description: meta.Subtitle}
			if !meta.GeneratedAt.IsZero() {
				props.Created = meta.GeneratedAt.UTC().Format(time.RFC3339)
				props.Modified = props.Created
			}
			return f.SetDocProps(props)
		}},
	}
	for _, s := range steps {
		if err := s.err(); err != nil {
			return fmt.Errorf("report: setting the %s: %w", s.what, err)
		}
	}
	return nil
}
