package docread

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// An HTML table is either data (a list of tasks, a schedule) or layout
// (government sites still place the whole page in nested tables). Data
// tables become table blocks; layout tables are flattened to the blocks
// of their cells, in reading order.

type htmlTable struct {
	rows []*htmlRow
}

type htmlRow struct {
	cells []*htmlCell
}

type htmlCell struct {
	sink             htmlSink
	colspan, rowspan int
	runes, linkRunes int // characters of text, and of them inside links
}

// Heuristic limits for telling a data table from a layout table.
const (
	maxDataCellRunes = 200  // a data cell is a value, not prose
	maxHTMLColspan   = 1000 // what browsers allow
)

func (w *htmlWalker) table() *htmlTable {
	if len(w.tables) == 0 {
		return nil
	}
	return w.tables[len(w.tables)-1]
}

func (w *htmlWalker) openRow() {
	if t := w.table(); t != nil {
		t.rows = append(t.rows, &htmlRow{})
	}
}

func (w *htmlWalker) openCell(attrs map[string]string) {
	t := w.table()
	if len(t.rows) == 0 {
		t.rows = append(t.rows, &htmlRow{}) // <td> with no <tr>
	}
	c := &htmlCell{colspan: spanAttr(attrs["colspan"], 1, maxHTMLColspan), rowspan: spanAttr(attrs["rowspan"], 0, 65534)}
	row := t.rows[len(t.rows)-1]
	row.cells = append(row.cells, c)
	w.cells = append(w.cells, c)
	w.count.noteRawCell()
}

func (w *htmlWalker) closeCell() {
	c := w.cells[len(w.cells)-1]
	w.flushLine(&c.sink, false)
	w.cells = w.cells[:len(w.cells)-1]
}

// closeTable hands the finished table to the enclosing sink: as a table
// block if it holds data, else as the blocks of its cells.
func (w *htmlWalker) closeTable() {
	t := w.tables[len(w.tables)-1]
	w.tables = w.tables[:len(w.tables)-1]
	out := w.sink()
	w.flushLine(out, false)
	if grid := t.dataGrid(&w.count); grid != nil {
		w.add(out, Block{Table: grid})
		return
	}
	for _, row := range t.rows {
		if menuRow(row) {
			continue
		}
		for _, c := range row.cells {
			for _, b := range c.sink.blocks {
				w.add(out, b)
			}
		}
	}
}

// dataGrid returns the table laid out on its grid, colspan and rowspan
// expanded as for a Word table, if it looks like data: at least two rows
// and two columns, no table inside, every cell a short value. It returns
// nil for a layout table.
func (t *htmlTable) dataGrid(count *counter) [][]string {
	var rows []*htmlRow
	for _, r := range t.rows {
		if len(r.cells) > 0 {
			rows = append(rows, r)
		}
	}
	if len(rows) < 2 {
		return nil
	}
	texts := map[*htmlCell]string{}
	budget, any := 0, false
	for i, r := range rows {
		for _, c := range r.cells {
			parts := make([]string, 0, len(c.sink.blocks))
			for _, b := range c.sink.blocks {
				if b.IsTable() {
					return nil
				}
				parts = append(parts, b.Text)
			}
			s := strings.Join(parts, "\n")
			if utf8.RuneCountInString(s) > maxDataCellRunes {
				return nil
			}
			any = any || strings.TrimSpace(s) != ""
			texts[c] = s
			budget += c.colspan * spanRows(c, i, len(rows))
			if budget > maxCells {
				return nil
			}
		}
	}
	if !any {
		return nil
	}
	grid := make([][]string, len(rows))
	filled := make([][]bool, len(rows))
	width := 0
	for i, r := range rows {
		col := 0
		for _, c := range r.cells {
			for col < len(filled[i]) && filled[i][col] {
				col++
			}
			for y := i; y < i+spanRows(c, i, len(rows)); y++ {
				for x := col; x < col+c.colspan; x++ {
					for len(grid[y]) <= x {
						grid[y] = append(grid[y], "")
						filled[y] = append(filled[y], false)
					}
					grid[y][x], filled[y][x] = texts[c], true
				}
			}
			col += c.colspan
			width = max(width, col)
		}
	}
	if width < 2 || count.addCells(len(rows)*width) != nil {
		return nil
	}
	for i := range grid {
		for len(grid[i]) < width {
			grid[i] = append(grid[i], "")
		}
	}
	return grid
}

// spanRows is the rows a cell covers from row i of n: rowspan="0" means
// to the end of the table, and no span reaches past it.
func spanRows(c *htmlCell, i, n int) int {
	if c.rowspan <= 0 || i+c.rowspan > n {
		return n - i
	}
	return c.rowspan
}

func spanAttr(v string, lo, hi int) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < lo {
		return max(lo, 1)
	}
	return min(n, hi)
}
