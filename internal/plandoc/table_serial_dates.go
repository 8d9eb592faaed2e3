package plandoc

import (
	"strconv"
	"time"
)

// A spreadsheet stores a date as a day count from 1899-12-30 and shows it
// as a date only through the cell's number format; a sheet exported or
// filled in carelessly shows the bare count (45838 for 2025-06-30). In a
// column headed 完成时间/时限, a whole number in the range of the years
// 2000–2060 is such a count, never a quantity.

const (
	serialMin = 36526 // 2000-01-01
	serialMax = 58440 // 2059-12-31
)

// serialDate returns the date text of a bare day count, ok false for any
// other cell.
func serialDate(v string) (string, bool) {
	n, err := strconv.Atoi(trimSpace(v))
	if err != nil || n < serialMin || n > serialMax {
		return "", false
	}
	d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return d.Format("2006年1月2日"), true
}
