package plandoc

// A spreadsheet or CSV export has no paragraphs: the plan's title (and an
// 附件 mark) sit in the sheet's first rows, each one value merged across
// or alone in its first cell, above the header row. Those rows are the
// table's captions, not its rows, and a reader sees them as the lines
// above the table, so they become lines: the title is found as in any
// document, and the table starts at its header.

// captionedTable returns the lines of a table: its caption rows above the
// header as text lines, then the table from the header on. A table with
// no task header, or with a row above the header that is not a caption,
// is returned whole.
func captionedTable(rows [][]string) []line {
	at, _, ok := findHeader(rows)
	if !ok || at == 0 {
		return []line{{table: rows}}
	}
	var out []line
	for _, row := range rows[:at] {
		v := groupValue(row)
		if v != "" && !isGroupRow(row) {
			return []line{{table: rows}}
		}
		if v != "" {
			out = append(out, newLine(v))
		}
	}
	return append(out, line{table: rows[at:]})
}
