package report

import "strconv"

// bodyReader checks the rows below the header one at a time. It remembers
// the task IDs already seen, so that a repeated one is caught and known is
// asked once per ID.
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
func (rd *bodyReader) row(row int, cells []xcell) {
	h := rd.h
	text := cleanText(cellAt(cells, h.col[fieldProgress]).text)
	if text == "" {
		return
	}
	before := len(rd.errs)
	id, idOK := rd.taskID(row, cells)
	percent := rd.percent(row, cells)
	if len(rd.errs) > before || !idOK {
		return
	}
	rd.updates = append(rd.updates, ProgressUpdate{
		Row: row, TaskID: id, Title: cleanText(cellAt(cells, h.col[fieldTitle]).text), Text: text, Percent: percent,
		Problems: cleanText(cellAt(cells, h.col[fieldProblems]).text), NextSteps: cleanText(cellAt(cells, h.col[fieldNextSteps]).text),
	})
}

// taskID reads and checks the row's 任务编号.
func (rd *bodyReader) taskID(row int, cells []xcell) (int64, bool) {
	col := rd.h.col[fieldTaskID]
	fail := func(key string, args ...any) (int64, bool) {
		rd.errs = append(rd.errs, newRowError(row, rd.h.names[fieldTaskID], cellName(col, row), key, args...))
		return 0, false
	}
	raw := cleanText(cellAt(cells, col).text)
	id, ok := parseTaskID(raw)
	switch {
	case raw == "":
		return fail("report.import.id_missing")
	case !ok:
		return fail("report.import.id_invalid", "value", raw)
	case rd.seen[id] > 0:
		return fail("report.import.id_duplicate", "id", id, "first", rd.seen[id])
	}
	rd.seen[id] = row
	if rd.known != nil && !rd.known(id) {
		return fail("report.import.id_unknown", "id", id)
	}
	return id, true
}

// percent reads and checks the row's 完成比例; nil when the column is
// absent or the cell empty.
func (rd *bodyReader) percent(row int, cells []xcell) *float64 {
	col := rd.h.col[fieldPercent]
	c := cellAt(cells, col)
	if col < 0 || cleanText(c.text) == "" {
		return nil
	}
	v, ok := parsePercent(c)
	key := ""
	switch {
	case !ok:
		key = "report.import.percent_invalid"
	case v < 0 || v > 100:
		key = "report.import.percent_range"
	default:
		return &v
	}
	shown := cleanText(c.text)
	if c.percent && ok {
		shown = strconv.FormatFloat(v, 'f', -1, 64) + "%" // as Excel shows it, not the stored fraction
	}
	rd.errs = append(rd.errs, newRowError(row, rd.h.names[fieldPercent], cellName(col, row), key, "value", shown))
	return nil
}
