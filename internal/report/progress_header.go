package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// field is a column ReadProgress understands.
type field int

const (
	fieldTaskID field = iota
	fieldProgress
	fieldPercent
	fieldTitle
	fieldProblems
	fieldNextSteps
	numFields
)

// headerAliases are the names each field goes by. Units paste the table
// into their own templates, whose headers say 本期进展 or 完成百分比 for the
// same thing; the names are compared after normalizeHeader.
var headerAliases = map[string]field{
	"任务编号":    fieldTaskID,
	"任务id":    fieldTaskID,
	"进展情况":    fieldProgress,
	"本期进展":    fieldProgress,
	"工作进展":    fieldProgress,
	"完成比例":    fieldPercent,
	"完成百分比":   fieldPercent,
	"完成进度":    fieldPercent,
	"进度":      fieldPercent,
	"重点任务":    fieldTitle,
	"任务名称":    fieldTitle,
	"工作任务":    fieldTitle,
	"主要任务":    fieldTitle,
	"存在问题":    fieldProblems,
	"存在的问题":   fieldProblems,
	"问题和困难":   fieldProblems,
	"下步计划":    fieldNextSteps,
	"下一步计划":   fieldNextSteps,
	"下步工作计划":  fieldNextSteps,
	"下一步工作计划": fieldNextSteps,
}

// maxHeaderScan is how far down a sheet the header may be. Offices put a
// title, a subtitle, sometimes a line of instructions above it; 30 rows is
// far more than any of that.
const maxHeaderScan = 30

// header is a found header row: the sheet row and, per field, the 0-based
// column index (-1 if absent) and the header text as written.
type header struct {
	row   int
	col   [numFields]int
	names [numFields]string
}

// matchHeader reads cells as a header row. It returns ok only when the row
// has both 任务编号 and a progress column, the two an import cannot do
// without; partial says which of the two it found, for the error message.
func matchHeader(row int, cells []xcell) (h header, ok bool, partial field) {
	h.row = row
	for i := range h.col {
		h.col[i] = -1
	}
	for i, c := range cells {
		f, known := headerAliases[normalizeHeader(c.text)]
		if !known || h.col[f] >= 0 {
			continue // unknown, or a second column of the same name: the first wins
		}
		h.col[f], h.names[f] = i, strings.TrimSpace(c.text)
	}
	switch {
	case h.col[fieldTaskID] >= 0 && h.col[fieldProgress] >= 0:
		return h, true, 0
	case h.col[fieldTaskID] >= 0:
		return h, false, fieldTaskID
	case h.col[fieldProgress] >= 0:
		return h, false, fieldProgress
	}
	return h, false, -1
}

// normalizeHeader reduces a header cell to the bare name: headers are
// written "进 展 情 况", "*完成比例", "完成比例（%）", "完成比例%", "进展情况\n(截至6月底)",
// or in full-width letters, and all of them mean the same column.
func normalizeHeader(s string) string {
	s = width.Fold.String(s)
	if i := strings.IndexAny(s, "([【"); i > 0 {
		s = s[:i]
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '%' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	return s
}
