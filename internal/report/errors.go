package report

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of file-level failure a *FileError wraps, for errors.Is.
var (
	// ErrNotXLSX: the file is not an .xlsx workbook (an .xls, a CSV, a
	// picture, a damaged file).
	ErrNotXLSX = errors.New("report: not an .xlsx workbook")
	// ErrTooLarge: the file, or what it unpacks to, passes a safety limit.
	ErrTooLarge = errors.New("report: file too large")
	// ErrNoHeader: no sheet has a header with 任务编号 and 进展情况.
	ErrNoHeader = errors.New("report: no ledger header found")
)

// FileError is an import that failed as a whole: the file could not be read
// or holds no ledger. Reason says, in Chinese and then English, what was
// wrong and what was expected, in words a unit's clerk can act on.
type FileError struct {
	File   string
	Reason string
	Err    error // one of ErrNotXLSX, ErrTooLarge, ErrNoHeader, possibly wrapping the cause
}

// Error formats the failure as "report: file: reason".
func (e *FileError) Error() string {
	return fmt.Sprintf("report: %s: %s", e.File, e.Reason)
}

// Unwrap lets errors.Is test a *FileError against the sentinel errors.
func (e *FileError) Unwrap() error { return e.Err }

// RowError is one bad cell of an imported sheet.
type RowError struct {
	Row     int    // 1-based sheet row, as Excel numbers it
	Column  string // the column's header as the sheet spells it, e.g. "完成比例（%）"
	Cell    string // e.g. "F12", so a page can point at it
	Message string // zh-CN, e.g. "完成比例应在 0–100 之间，填写的是「120%」"

	// Key and Args are the message as a catalogue key and {name} values,
	// for a page that renders it through internal/i18n in another language.
	Key  string
	Args []any
}

// String renders the error as a unit's clerk reads it: "第 12 行「完成比例」：…".
func (e RowError) String() string {
	return fmt.Sprintf("第 %d 行「%s」：%s", e.Row, e.Column, e.Message)
}

// SheetError lists every bad row of an imported sheet. An import that
// returns it must be refused whole: a half-applied sheet leaves the unit
// unsure which of its reports the office has.
type SheetError struct {
	File   string
	Sheet  string
	Errors []RowError // in sheet order
}

// maxErrorsInMessage bounds Error(); the full list is in Errors.
const maxErrorsInMessage = 10

// Error names the file and the first few bad rows.
func (e *SheetError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "report: %s: %d 处错误，未导入任何数据：", e.File, len(e.Errors))
	for i, re := range e.Errors {
		if i == maxErrorsInMessage {
			fmt.Fprintf(&b, "；……等 %d 处", len(e.Errors))
			break
		}
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(re.String())
	}
	return b.String()
}
