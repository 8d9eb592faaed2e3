package plandoc

import (
	"regexp"
	"strconv"
	"strings"
)

// A task table often gives each row's goal as a bare figure in a column of
// its own whose name carries the measure in brackets: 年度目标（个）,
// 建设规模（公里）, 新增数量（人次）. The figure alone says nothing; with the
// column's measure it is the row's target (2个).

// countHeaderRe is a goal column's name with its measure in brackets.
var countHeaderRe = regexp.MustCompile(`(?:目标|任务|数量|规模|数)\s*[（(]\s*(\p{Han}{1,3})\s*[）)]$`)

var figureCellRe = regexp.MustCompile(`^[0-9]+(?:\.[0-9]+)?$`)

// countMeasure is the measure of the header's one goal column (个), "" when
// it has none or several.
func (h cellHeader) countMeasure() string {
	measure := ""
	for _, c := range h.cols {
		m := countHeaderRe.FindStringSubmatch(c.name)
		if m == nil || c.role == roleUnit || c.role == roleDeadline || c.role == roleWeight {
			continue
		}
		if measure != "" {
			return ""
		}
		measure = m[1]
	}
	return measure
}

// rowCountTargets reads the figures of a row's goal column: the lines of
// its text cells that are a figure alone.
func rowCountTargets(h cellHeader, content []string) []Target {
	measure := h.countMeasure()
	if measure == "" {
		return nil
	}
	var out []Target
	for _, c := range content {
		out = append(out, countTargets(c, measure)...)
	}
	return out
}

// countTargets reads a goal cell holding a figure alone, in the column's
// measure.
func countTargets(cell, measure string) []Target {
	f := asciiDigits(fold(trimSpace(cell)))
	if !figureCellRe.MatchString(f) {
		return nil
	}
	v, err := strconv.ParseFloat(f, 64)
	if err != nil {
		return nil
	}
	return []Target{{Text: strings.TrimSpace(cell) + measure, Value: v, Unit: measure}}
}

// figureCell reports a bare number that is a cell of row, not the next
// row's number: a count column (年度目标（个）) stands between the task and
// the unit or time column, the row has not yet had a line for each column
// before that one, and a unit or time cell follows the number. Columns
// keep the header's order in every row, so a number there fills the count
// column; a row's number is followed by its task.
func (r *cellRow) figureCell(h cellHeader, next string) bool {
	if r == nil {
		return false
	}
	had := -1 // the row's lines after its task cell
	for _, c := range r.cells {
		if _, ok := weightValue(c); !(ok && h.has(roleWeight)) {
			had++
		}
	}
	switch {
	case h.has(roleUnit) && unitLine(next):
		return had < h.textColumnsBefore(roleUnit)
	case h.has(roleDeadline) && timeCell(next):
		return had < h.textColumnsBefore(roleDeadline)
	}
	return false
}

// textColumnsBefore counts the text columns between the task's column and
// the first column of role r (the weight is none: it is taken out of the
// row); 0 where r comes before the task.
func (h cellHeader) textColumnsBefore(r cellRole) int {
	task, at := h.index(roleTask), h.index(r)
	n := 0
	for k := task + 1; task >= 0 && k < at; k++ {
		if c := h.cols[k].role; c != roleWeight && c != roleSeq {
			n++
		}
	}
	return n
}
