package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// ProgressUpdate is one row of an imported sheet that carries progress.
type ProgressUpdate struct {
	Row     int      // 1-based sheet row, for messages
	TaskID  int64    // from 任务编号
	Title   string   // 重点任务 as the sheet has it, "" if the column is absent; for showing, not matching
	Text    string   // 进展情况, trimmed; never empty
	Percent *float64 // 完成比例 in percentage points, 0–100; nil if the cell is empty or the column absent
	// Problems and NextSteps are 存在问题 and 下步计划, trimmed; "" if the
	// cell is empty or the column absent.
	Problems, NextSteps string
}

// Safety limits for an uploaded sheet. A unit's sheet is kilobytes; a full
// 100,000-task ledger exported by WriteLedger is about 5 MiB.
const (
	maxImportBytes = 64 << 20 // the file as uploaded; what it inflates to is capped in xlsx_open.go
	headerExpected = "需要一行同时含有「任务编号」和「进展情况」（或「本期进展」「工作进展」）列的表头，请使用本系统导出的台账填写"
)

// ReadProgress reads the progress a unit typed into an exported ledger.
// name is the file's name as uploaded, used only in messages.
//
// It looks through the sheets in order for a header row that names 任务编号
// and 进展情况 (or 本期进展, 工作进展), and returns one update per row below
// it whose progress cell is not empty; rows without progress are skipped,
// including rows with only 完成比例 filled. Rows carried over from the export
// with the task's latest report unchanged are returned too: whether a text
// is new is for the caller to decide against the ledger.
//
// If any row is bad (任务编号 missing, invalid or repeated; 完成比例 not a
// number from 0 to 100) it returns no updates and a *SheetError listing every
// bad row. A file that is not an .xlsx or holds no such header gives a
// *FileError. The caller should cap the upload's size before calling; the
// reader itself refuses more than 64 MiB.
func ReadProgress(r io.Reader, name string) ([]ProgressUpdate, error) {
	return ReadProgressFor(r, name, nil)
}

// ReadProgressFor is ReadProgress that also refuses rows whose task known
// rejects (deleted, closed, or another unit's), listing them with the other
// bad rows so the unit sees everything to fix at once. known is called once
// per distinct task ID; nil accepts every ID.
func ReadProgressFor(r io.Reader, name string, known func(taskID int64) bool) ([]ProgressUpdate, error) {
	x, err := openWorkbook(r, name)
	if err != nil {
		return nil, err
	}
	partial := field(-1)
	for _, sh := range x.sheets {
		rd := bodyReader{known: known, seen: map[int64]int{}}
		found := false
		err := x.eachRow(sh.part, func(row int, cells []xcell) bool {
			if found {
				rd.row(row, cells)
				return true
			}
			if row > maxHeaderScan {
				return false
			}
			h, ok, p := matchHeader(row, cells)
			if ok {
				rd.h, found = h, true
			} else if partial < 0 {
				partial = p
			}
			return true
		})
		if err != nil {
			return nil, damaged(name, fmt.Errorf("sheet %q: %w", sh.name, err))
		}
		if !found {
			continue // the table may be on a later sheet
		}
		if len(rd.errs) > 0 {
			return nil, &SheetError{File: name, Sheet: sh.name, Errors: rd.errs}
		}
		return rd.updates, nil
	}
	return nil, noHeader(name, partial)
}

// Reasons for a *FileError: Chinese first, because the readers are Chinese
// offices; English after, for logs and developers.
const (
	reasonXLS     = "这是旧版 Excel 97-2003 (.xls) 文件或加密文件，请用 Excel/WPS 打开后另存为 .xlsx 再导入 (legacy .xls or encrypted workbook; save it as .xlsx)"
	reasonNotXLSX = "不是 Excel .xlsx 文件，请上传本系统导出、填写后保存的 .xlsx 台账 (not an .xlsx workbook)"
	reasonDamaged = ".xlsx 文件已损坏或不完整，请用 Excel/WPS 打开后重新保存 (the .xlsx is damaged or truncated)"
	reasonTooBig  = "文件过大，超过 64 MiB 上限 (file exceeds the 64 MiB limit)"
)

// magicOLE starts every OLE compound file: .xls, .doc, and .xlsx files
// saved with a password.
var magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openWorkbook reads the upload and opens it, telling the common wrong
// files apart by their first bytes, because "zip: not a valid zip file" means
// nothing to the clerk who uploaded an .xls.
func openWorkbook(r io.Reader, name string) (*xlsxFile, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("report: reading %s: %w", name, err)
	}
	switch {
	case len(data) > maxImportBytes:
		return nil, &FileError{File: name, Reason: reasonTooBig, Err: ErrTooLarge}
	case bytes.HasPrefix(data, magicOLE):
		return nil, &FileError{File: name, Reason: reasonXLS, Err: ErrNotXLSX}
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, &FileError{File: name, Reason: reasonNotXLSX, Err: ErrNotXLSX}
	}
	x, err := openXLSX(data)
	if err != nil {
		return nil, damaged(name, err)
	}
	return x, nil
}

// damaged is the error for a zip that does not read as a workbook.
func damaged(name string, err error) error {
	if errors.Is(err, errPartTooLarge) {
		return &FileError{File: name, Reason: reasonTooBig, Err: fmt.Errorf("%w: %w", ErrTooLarge, err)}
	}
	return &FileError{File: name, Reason: reasonDamaged, Err: fmt.Errorf("%w: %w", ErrNotXLSX, err)}
}

// noHeader is the error for a workbook with no ledger table. partial is the
// one required column that was found, if any, so the message can say which
// one is missing.
func noHeader(name string, partial field) error {
	reason := "没有找到台账表头：" + headerExpected
	switch partial {
	case fieldTaskID:
		reason = "找到了「任务编号」列，但没有「进展情况」列：" + headerExpected
	case fieldProgress:
		reason = "找到了「进展情况」列，但没有「任务编号」列（导入按任务编号匹配任务）：" + headerExpected
	}
	return &FileError{File: name, Reason: reason + " (no header row with 任务编号 and 进展情况)", Err: ErrNoHeader}
}

// cellAt is cells[i], or an empty cell past the end: rows stop at their
// last stored cell, and an absent column has index -1.
func cellAt(cells []xcell, i int) xcell {
	if i < 0 || i >= len(cells) {
		return xcell{}
	}
	return cells[i]
}

// cellName is the A1 reference of a 0-based column in a 1-based row.
func cellName(col, row int) string {
	var letters []byte
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		letters = append([]byte{byte('A' + (n-1)%26)}, letters...)
	}
	return string(letters) + strconv.Itoa(row)
}
