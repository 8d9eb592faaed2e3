package docread

import "strings"

// Vertical merge states of a Word table cell (w:vMerge).
const (
	mergeNone = iota
	mergeRestart
	mergeContinue
)

type docxCell struct {
	text      string
	span      int  // w:gridSpan: grid columns the cell covers
	vmerge    int  // w:vMerge
	hcontinue bool // w:hMerge="continue", the pre-2007 horizontal merge
}

type docxRow struct {
	before int // w:gridBefore: grid columns skipped at the row's start
	cells  []*docxCell
}

type docxTable struct {
	rows []*docxRow
}

// grid lays the table out on its column grid so that each row stands
// alone: a cell spanning columns is repeated in each, and a cell that
// continues a vertical merge takes the text of the cell above, which in
// turn holds the text of the cell that began the merge. Rows are padded to
// the widest row. The expanded cells are charged to c first, so a
// table that is narrow in the file but wide on the grid cannot blow up.
func (t *docxTable) grid(c *counter) ([][]string, error) {
	width := 0
	for _, row := range t.rows {
		w := row.before
		for _, c := range row.cells {
			w += c.span
		}
		width = max(width, w)
	}
	if width == 0 {
		return nil, nil
	}
	if len(t.rows) > maxCells/width {
		return nil, errTooMany("table cells", maxCells)
	}
	if err := c.addCells(len(t.rows) * width); err != nil {
		return nil, err
	}
	out := make([][]string, 0, len(t.rows))
	var prev []string
	for _, row := range t.rows {
		line := make([]string, width)
		col := min(row.before, width)
		for _, c := range row.cells {
			text := c.text
			switch {
			case c.vmerge == mergeContinue && prev != nil && col < width:
				text = prev[col]
			case c.hcontinue && col > 0:
				text = line[col-1]
			}
			for k := 0; k < c.span && col < width; k++ {
				line[col] = text
				col++
			}
		}
		out = append(out, line)
		prev = line
	}
	return out, nil
}

// lines flattens a nested table to text: one line per row, the cells'
// text separated by tabs, empty rows dropped.
func (t *docxTable) lines() []string {
	var out []string
	for _, row := range t.rows {
		cells := make([]string, 0, len(row.cells))
		for _, c := range row.cells {
			cells = append(cells, strings.ReplaceAll(c.text, "\n", " "))
		}
		for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) > 0 {
			out = append(out, strings.Join(cells, "\t"))
		}
	}
	return out
}
