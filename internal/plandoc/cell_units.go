package plandoc

import "strings"

// Where a row's unit cell stands among its lines, and what a unit's name
// holds (see cell_rows.go).

// unitCells marks the lines of a row (after its task cell) that are its
// unit cell. Columns keep their order in every row, so where a row has no
// more lines than the header has columns after the task (one line a cell,
// as in most rows of a task list), its unit cell stands no earlier than
// the number of text columns between the task and the unit column: a line
// before that which reads like a unit (改扩建乡镇卫生院, 便民服务中心) is
// the text of a column before it. Only where no unit line stands at or
// after that place is a cell before it empty and an earlier unit line the
// unit cell; a line labelled 牵头单位： is a unit cell wherever it stands.
// A longer row (cells wrapped over lines, sub-rows under one number)
// gives no place to count from.
func unitCells(h cellHeader, cells []string) []bool {
	is := make([]bool, len(cells))
	from, width := unitPlace(h)
	later := false
	for i, c := range cells {
		is[i] = unitLine(c)
		later = later || is[i] && i >= from
	}
	if later && len(cells) <= width {
		for i := 0; i < from && i < len(cells); i++ {
			is[i] = is[i] && noteLabel.MatchString(fold(trimSpace(cells[i])))
		}
	}
	return is
}

// unitPlace counts the header's text columns after the task's: those
// before the first unit column (from) and all of them (width). The weight
// is no text column (it is taken out of the row before). from is 0 where
// a unit column comes before the task.
func unitPlace(h cellHeader) (from, width int) {
	task, unit := h.index(roleTask), h.index(roleUnit)
	if task < 0 {
		return 0, 0
	}
	for k, c := range h.cols[task+1:] {
		if c.role == roleWeight || c.role == roleSeq {
			continue
		}
		width++
		if unit > task && task+1+k < unit {
			from++
		}
	}
	return from, width
}

// hasDigit reports an Arabic digit in s (ASCII or full width).
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789０１２３４５６７８９")
}
