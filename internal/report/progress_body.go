package report

import (
	"github.com/xuri/excelize/v2"
)

// readBody reads the rows below the header. It walks the sheet twice in
// step, once as displayed and once as stored, because 完成比例 needs both
// (see parsePercent) and excelize's row iterator gives one or the other;
// streaming twice keeps a large sheet out of memory, where GetRows would not.
// The error is for a sheet that cannot be parsed; bad rows go in rowErrs.
func readBody(f *excelize.File, sheet string, h header, known func(int64) bool) (updates []ProgressUpdate, rowErrs []RowError, err error) {
	shown, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, err
	}
	defer shown.Close()
	stored, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, err
	}
	defer stored.Close()

	rd := bodyReader{h: h, known: known, seen: map[int64]int{}}
	// Next steps one row number at a time, missing rows included, so the
	// count is the sheet's own row number.
	for row := 1; shown.Next() && stored.Next(); row++ {
		display, err := shown.Columns()
		if err != nil {
			return nil, nil, err
		}
		raw, err := stored.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, err
		}
		if row > h.row {
			rd.row(row, display, raw)
		}
	}
	if err := shown.Error(); err != nil {
		return nil, nil, err
	}
	return rd.updates, rd.errs, nil
}

// bodyReader checks rows one at a time and remembers the task IDs already
// seen, so that a repeated one is caught and known is asked once per ID.
type bodyReader struct {
	h       header
	known   func(int64) bool
	seen    map[int64]int // task ID → first row with it
	updates []ProgressUpdate
	errs    []RowError
}

// row checks one sheet row and records an update or its errors. A row
// without progress text is skipped unchecked: it is a blank line, a plan's
// band row, or a task the unit had nothing to add to.
func (rd *bodyReader) row(row int, display, raw []string) {
	h := rd.h
	text := cleanText(cellAt(display, h.col[fieldProgress]))
	if text == "" {
		return
	}
	before := len(rd.errs)
	idCol := h.col[fieldTaskID]
	idErr := func(key string, args ...any) {
		rd.errs = append(rd.errs, newRowError(row, h.names[fieldTaskID], cellName(idCol, row), key, args...))
	}
	idText := cleanText(cellAt(raw, idCol))
	id, ok := parseTaskID(idText)
	switch {
	case idText == "":
		idErr("report.import.id_missing")
	case !ok:
		idErr("report.import.id_invalid", "value", idText)
	case rd.seen[id] > 0:
		idErr("report.import.id_duplicate", "id", id, "first", rd.seen[id])
	default:
		rd.seen[id] = row
		if rd.known != nil && !rd.known(id) {
			idErr("report.import.id_unknown", "id", id)
		}
	}

	var percent *float64
	if pc := h.col[fieldPercent]; pc >= 0 {
		shownPct, rawPct := cellAt(display, pc), cellAt(raw, pc)
		if cleanText(rawPct) != "" {
			pctErr := func(key string) {
				rd.errs = append(rd.errs, newRowError(row, h.names[fieldPercent], cellName(pc, row), key, "value", cleanText(shownPct)))
			}
			switch v, ok := parsePercent(shownPct, rawPct); {
			case !ok:
				pctErr("report.import.percent_invalid")
			case v < 0 || v > 100:
				pctErr("report.import.percent_range")
			default:
				percent = &v
			}
		}
	}
	if len(rd.errs) > before {
		return
	}
	rd.updates = append(rd.updates, ProgressUpdate{
		Row: row, TaskID: id, Title: cleanText(cellAt(display, h.col[fieldTitle])), Text: text, Percent: percent,
	})
}
