package docread

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXlsx reads every non-empty worksheet of a workbook into one table
// block. Cell values are taken as Excel displays them (number formats
// applied: dates as dates, not serial numbers), which is what a person
// reading the sheet would copy into a plan.
//
// excelize does the cell work; it is a large library and not written for
// hostile input, so its inputs are bounded before it sees them and any
// panic inside it becomes an error.
func readXlsx(name string, p *pkg, data []byte) (*Doc, error) {
	return guarded("xlsx", func() (*Doc, error) { return readWorkbook(name, p, data) })
}

func readWorkbook(name string, p *pkg, data []byte) (*Doc, error) {
	if err := checkXlsxSizes(p); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		// Everything stays in memory (no temporary files): the per-part
		// and total sizes were checked above.
		UnzipSizeLimit:    maxXlsxUnzip,
		UnzipXMLSizeLimit: maxXlsxUnzip,
		// Show dates as Excel does on a Chinese Windows: the built-in
		// short date (format 14) as 2024/6/30, and the East Asian
		// built-in formats as 2024年6月30日.
		CultureInfo:      excelize.CultureNameZhCN,
		ShortDatePattern: "yyyy/m/d",
	})
	if err != nil {
		return nil, fmt.Errorf("docread: xlsx: open: %w", err)
	}
	defer f.Close()
	paths := sheetPaths(p)
	doc := &Doc{Name: name, Format: FormatXlsx}
	var count counter
	for _, sheet := range f.GetSheetList() {
		rows, err := sheetRows(f, sheet, &count)
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			continue
		}
		merges, err := sheetMerges(p, paths[sheet])
		if err != nil {
			return nil, err
		}
		grid, err := layoutSheet(rows, merges, &count)
		if err != nil {
			return nil, fmt.Errorf("docread: sheet %q: %w", sheet, err)
		}
		if len(grid) == 0 {
			continue
		}
		doc.Blocks = append(doc.Blocks, Block{Table: grid, Sheet: sheet})
	}
	return doc, nil
}

// checkXlsxSizes refuses a workbook whose parts, by their declared
// sizes, inflate beyond the limits. archive/zip stops reading an entry at
// its declared size, so the declared sizes are the real bound.
func checkXlsxSizes(p *pkg) error {
	var total uint64
	for _, f := range p.zr.File {
		if f.UncompressedSize64 > maxPartSize {
			return errLimit(reasonZipBomb, "docread: %s declares %d bytes inflated, limit %d MiB", f.Name, f.UncompressedSize64, maxPartSize>>20)
		}
		total += f.UncompressedSize64
	}
	if total > maxXlsxUnzip {
		return errLimit(reasonZipBomb, "docread: workbook inflates to %d bytes, limit %d MiB", total, maxXlsxUnzip>>20)
	}
	return nil
}

// sheetRows streams a sheet's rows with trailing empty cells removed;
// the index in the result is the row number minus one.
func sheetRows(f *excelize.File, sheet string, count *counter) ([][]string, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		var missing excelize.ErrSheetNotExist
		if errors.As(err, &missing) {
			return nil, nil // a chart or dialog sheet has no cells
		}
		return nil, fmt.Errorf("docread: sheet %q: %w", sheet, err)
	}
	defer it.Close()
	var rows [][]string
	last, scanned := -1, 0
	for it.Next() {
		cols, err := it.Columns()
		if err != nil {
			return nil, fmt.Errorf("docread: sheet %q: %w", sheet, err)
		}
		// Empty styled cells cost excelize as much as full ones, so they
		// count against a (larger) budget of their own.
		if scanned += len(cols); scanned > maxScannedCells {
			return nil, errTooMany("cells scanned in a sheet", maxScannedCells)
		}
		for len(cols) > 0 && strings.TrimSpace(cols[len(cols)-1]) == "" {
			cols = cols[:len(cols)-1]
		}
		if err := count.addRawCells(len(cols)); err != nil {
			return nil, err
		}
		rows = append(rows, cols)
		if len(cols) > 0 {
			last = len(rows) - 1
		}
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("docread: sheet %q: %w", sheet, err)
	}
	return rows[:last+1], nil
}

// layoutSheet makes the sheet's rows rectangular and gives each merged
// range's value to every cell it covers, so that each row stands alone
// (a category merged down a column appears in each of its rows). Merged
// ranges are clipped to the cells that hold data, so a merge reaching to
// row 1048576 costs nothing.
func layoutSheet(rows [][]string, merges []cellRange, count *counter) ([][]string, error) {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	if width == 0 {
		return nil, nil
	}
	if len(rows) > maxCells/width {
		return nil, errTooMany("cells in a sheet", maxCells)
	}
	if err := count.addCells(len(rows) * width); err != nil {
		return nil, err
	}
	grid := make([][]string, len(rows))
	for i, r := range rows {
		grid[i] = make([]string, width)
		copy(grid[i], r)
	}
	// Excel forbids overlapping merges, so in a real sheet the ranges
	// fill each cell at most once; a budget stops a crafted sheet whose
	// thousands of ranges all cover the same cells.
	work := 0
	for _, m := range merges {
		if m.r1 >= len(grid) || m.c1 >= width {
			continue
		}
		r2, c2 := min(m.r2, len(grid)-1), min(m.c2, width-1)
		if work += (r2 - m.r1 + 1) * (c2 - m.c1 + 1); work > 2*maxCells {
			return nil, errTooMany("merged cells", 2*maxCells)
		}
		v := grid[m.r1][m.c1]
		for r := m.r1; r <= r2; r++ {
			for c := m.c1; c <= c2; c++ {
				grid[r][c] = v
			}
		}
	}
	return grid, nil
}
