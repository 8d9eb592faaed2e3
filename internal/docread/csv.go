package docread

import (
	"encoding/csv"
	"io"
	"strings"
)

// Comma-separated values are how a workbook leaves Excel, WPS or an OA
// system when it is not saved as .xlsx: one record per row, every row
// padded to the sheet's width, in UTF-8 (with or without a BOM) or, from a
// Chinese Windows, GBK. They are read as one table, like a worksheet.
// Merged cells keep their value in their first cell only; the rest are
// empty, as in the file.
//
// The format is recognised by content: the records of a spreadsheet
// export all have the same number of fields. Prose with half-width commas
// does not: its lines have as many commas as their sentences happen to.
// A name ending in .csv (the sender's word for it) asks only that the
// records parse and have two fields or more.

// FormatCSV is the format of comma-separated values.
const FormatCSV Format = "csv"

// csvMinAgree is the share of non-empty records that must have the most
// common width for text without a .csv name to be read as a table.
const csvMinAgree = 0.9

// csvTable parses s as comma-separated values; ok is false when s is not
// a table (see the rules above).
func csvTable(name, s string) (rows [][]string, ok bool) {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !strings.Contains(s, ",") {
		return nil, false
	}
	r := csv.NewReader(strings.NewReader(s))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	widths := map[int]int{}
	nonEmpty, cells := 0, 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false
		}
		if cells += len(rec); cells > maxCells || len(rows) >= maxBlocks {
			return nil, false
		}
		rows = append(rows, rec)
		if !emptyRecord(rec) {
			nonEmpty++
			widths[len(rec)]++
		}
	}
	width, agree := 0, 0
	for w, n := range widths {
		if n > agree || n == agree && w > width {
			width, agree = w, n
		}
	}
	named := strings.HasSuffix(strings.ToLower(name), ".csv")
	switch {
	case width < 2 || nonEmpty < 2:
		return nil, false
	case named:
	case width < 3 || float64(agree) < csvMinAgree*float64(nonEmpty):
		return nil, false
	}
	return trimRows(rows), true
}

func emptyRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// trimRows drops the empty rows at the end, pads every row to the widest
// (a worksheet's rows are rectangular) and normalises line ends inside
// cells, so that a cell's paragraphs are joined with "\n" as in a worksheet.
func trimRows(rows [][]string) [][]string {
	for len(rows) > 0 && emptyRecord(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	for i, r := range rows {
		for j, c := range r {
			r[j] = strings.ReplaceAll(c, "\r\n", "\n")
		}
		for len(r) < width {
			r = append(r, "")
		}
		rows[i] = r
	}
	return rows
}

// readCSV reads decoded text that csvTable recognises as one table block.
func readCSV(name, s, enc string) (*Doc, bool) {
	rows, ok := csvTable(name, s)
	if !ok {
		return nil, false
	}
	return &Doc{Name: name, Format: FormatCSV, Encoding: enc, Blocks: []Block{{Table: rows}}}, true
}
