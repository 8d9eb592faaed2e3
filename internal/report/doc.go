// Package report turns the ledger (执行台账) into files people pass around
// and reads their answers back.
//
// WriteLedger streams a ledger to an .xlsx in the layout Chinese offices
// expect: a merged title, a line saying which tasks were selected and when,
// then 序号 | 重点任务 | 责任单位 | 时间要求 | 进展情况 | 完成比例 | 状态 |
// 最近报送 | 任务编号, styled, frozen below the header, filterable and ready
// to print on A4 landscape. It uses excelize's StreamWriter, so a 100,000-row
// export keeps only one row in Go memory at a time; the sheet XML goes to a
// temporary file once it passes 16 MiB, and only the finished (compressed)
// file is held before it is copied to the writer.
//
// ReadProgress reads such a sheet after a unit has typed its progress into
// 进展情况 (and optionally 完成比例). It finds the header by name rather than
// by position, because people insert rows, rename sheets and paste the table
// into their own workbooks. It checks every row before returning anything
// and reports all bad rows in one *SheetError, so that the caller can refuse
// the whole import and show the unit the complete list to fix. It reads the
// workbook with archive/zip and encoding/xml in one streaming pass (see
// xlsx_open.go for why not excelize), so a large sheet is not held in memory
// and a hostile one is refused by size before it is inflated.
//
// The package works on plain values: it knows no database and no HTTP.
// The last column, 任务编号, carries the task's ID so an import matches rows
// to tasks without relying on titles or row order.
package report
