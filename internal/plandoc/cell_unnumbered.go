package plandoc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A task table without a 序号 column has no row numbers to find its rows
// by. Its rows still end the same way: the task's own cell comes first,
// and the responsibility or time cells close the row. So a row ends once
// it has had a unit line (or, in a table with no unit column, a time
// cell), and the next line that is neither starts the next row. A task
// cell that carries its own number (1.建成…) keeps it as its path;
// otherwise rows are numbered in order.

// readUnnumbered reads the rows after a header that has no 序号 column.
func readUnnumbered(h cellHeader, texts []string, from int) cellTable {
	t := cellTable{header: h}
	var row *cellRow
	closed, group := false, 0
	closeRow := func() {
		if row != nil {
			row.closed = closed
			t.rows = append(t.rows, row)
			t.order = append(t.order, row)
			row = nil
		}
	}
	t.end = len(texts)
	for i := from; i < len(texts); i++ {
		s := texts[i]
		switch {
		case h.newHeaderAt(texts, i):
			closeRow()
			t.end = i
			return t
		case h.repeatsAt(texts, i):
			closeRow()
			i += len(h.names) - 1
			continue
		case groupLine(s) || omissionRe.MatchString(fold(s)):
			closeRow()
			group++
			continue
		}
		closer := h.has(roleUnit) && unitLine(s) || !h.has(roleUnit) && timeCell(s)
		if row == nil || closed && !closer && !timeCell(s) || closer && pastUnits(h, row) {
			closeRow()
			seq := strconv.Itoa(len(t.rows) + 1)
			if kind, label, n := matchLabel(s); kind == kindNum && n < len(s) {
				seq, s = label, s[n:]
			}
			row = &cellRow{seq: seq, group: group, cells: []string{s}}
			closed = false
			continue
		}
		row.cells = append(row.cells, s)
		closed = closed || closer
	}
	closeRow()
	return t
}

// pastUnits reports a row that has had its unit line and then its time
// cell, where the header puts the time column after the unit column: the
// row has passed its unit cell, so a line that reads like a unit (建成…中心)
// is the next row's task.
func pastUnits(h cellHeader, row *cellRow) bool {
	unit, due := h.index(roleUnit), h.index(roleDeadline)
	if unit < 0 || due < unit || len(row.cells) < 3 {
		return false
	}
	sawUnit := false
	for _, c := range row.cells[1:] {
		switch {
		case unitLine(c):
			sawUnit = true
		case sawUnit && timeCell(c):
			return true
		}
	}
	return false
}

// timeCell reports a short line that is only a time: the cell of a 时限
// column (2025年6月底前, 长期坚持, 每季度, 12月).
func timeCell(s string) bool {
	s = trimSpace(s)
	if utf8.RuneCountInString(s) > 20 || strings.ContainsAny(s, "。；;") {
		return false
	}
	return len(deadlinesOf(s, 2000)) > 0 || bareMonths.MatchString(fold(s)) ||
		strings.HasPrefix(fold(s), "长期") || strings.HasPrefix(fold(s), "持续")
}
