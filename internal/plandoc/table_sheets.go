package plandoc

import (
	"regexp"

	"github.com/duban/duban/internal/docread"
)

// A workbook often splits a plan's task list over several sheets, one per
// field or area (城区, 乡镇; 产业, 民生), each numbered from 1. The sheet's
// name is then the heading of its rows, as a chapter heading is in prose:
// it is the first level of their paths, so the two lists' tasks 1, 2 stay
// apart. A default name (Sheet1, 工作表2) names nothing and is left out, as
// is the name of a workbook's only table.

var defaultSheetName = regexp.MustCompile(`^(?i:sheet)\s*\d*$|^工作表\s*\d*$`)

// sheetLevels returns the path level of each table block of doc by its
// index: the sheet's name when the workbook has two or more sheets with
// tables and the name is not a default one.
func sheetLevels(doc *docread.Doc) map[int]string {
	tables := 0
	for _, b := range doc.Blocks {
		if b.IsTable() && b.Sheet != "" {
			tables++
		}
	}
	if tables < 2 {
		return nil
	}
	out := map[int]string{}
	for i, b := range doc.Blocks {
		if name := trimSpace(b.Sheet); b.IsTable() && name != "" && !defaultSheetName.MatchString(name) {
			out[i] = name
		}
	}
	return out
}
