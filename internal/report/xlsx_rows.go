package report

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
)

// xcell is one cell as stored in the sheet.
type xcell struct {
	text    string // shared and inline strings resolved; numbers as stored ("0.625")
	number  bool   // a numeric cell
	percent bool   // a numeric cell formatted as a percentage
}

// maxColumns is Excel's column limit (XFD); a reference past it is broken.
const maxColumns = 16384

// errBadCellRef marks a cell reference that is not A1-style.
var errBadCellRef = errors.New("bad cell reference")

// eachRow streams the rows of a worksheet part, calling fn with the 1-based
// row number and the row's cells by 0-based column. The slice is reused
// between calls. Rows with no cells may be skipped; fn returns false to stop.
func (x *xlsxFile) eachRow(part string, fn func(row int, cells []xcell) bool) error {
	rc, err := x.open(part, maxPartBytes)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var (
		cells                 []xcell
		row, col              int
		typ, style            string
		buf                   []byte
		inV, inIS, inT, inRPh bool
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				// r is optional: without it a row follows the one before.
				row++
				if v := attr(t, "r"); v != "" {
					if row, err = strconv.Atoi(v); err != nil || row < 1 {
						return errBadCellRef
					}
				}
				cells, col = cells[:0], -1
			case "c":
				col++
				if v := attr(t, "r"); v != "" {
					if col, err = columnIndex(v); err != nil {
						return err
					}
				}
				typ, style, buf = attr(t, "t"), attr(t, "s"), buf[:0]
			case "v":
				inV = true
			case "is":
				inIS = true
			case "t":
				inT = true
			case "rPh":
				inRPh = true
			}
		case xml.CharData:
			if inV || (inIS && inT && !inRPh) {
				buf = append(buf, t...)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "rPh":
				inRPh = false
			case "c":
				for len(cells) <= col {
					cells = append(cells, xcell{})
				}
				cells[col] = x.cellValue(typ, style, string(buf))
			case "row":
				if !fn(row, cells) {
					return nil
				}
			case "sheetData":
				return nil
			}
		}
	}
}

// cellValue resolves a cell's stored value by its type attribute.
func (x *xlsxFile) cellValue(typ, style, v string) xcell {
	switch typ {
	case "s":
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(x.strings) {
			return xcell{}
		}
		return xcell{text: x.strings[i]}
	case "inlineStr":
		return xcell{text: unescapeXString(v)}
	case "str", "b", "e", "d":
		// A formula's cached text, TRUE/FALSE as 1/0, an error like
		// #N/A, an ISO date: all read as the text they are.
		return xcell{text: unescapeXString(v)}
	}
	return xcell{text: v, number: v != "", percent: v != "" && x.cellStylePercent(style)}
}

// attr returns the value of the attribute with the given local name.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// columnIndex returns the 0-based column of an A1 reference ("AB12" → 27).
func columnIndex(ref string) (int, error) {
	n, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
		if n > maxColumns {
			return 0, errBadCellRef
		}
	}
	if i == 0 {
		return 0, errBadCellRef
	}
	return n - 1, nil
}
