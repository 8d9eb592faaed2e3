package docread

import (
	"bytes"
	"path"
	"strings"
)

// cellRange is a merged range, zero-based and inclusive.
type cellRange struct {
	r1, c1, r2, c2 int
}

// maxMerges caps the merged ranges read from one sheet.
const maxMerges = 100_000

// sheetPaths maps sheet names to their parts, through workbook.xml and
// its relationships. excelize keeps this mapping to itself, and its own
// merge reader loads the whole sheet into memory and compares every pair
// of ranges, which a crafted sheet can make take hours.
func sheetPaths(p *pkg) map[string]string {
	ids := map[string]string{} // relationship id → sheet name
	if b, err := p.readAll("xl/workbook.xml", maxAuxPartSize); err == nil {
		_ = walkXML(bytes.NewReader(b), "xl/workbook.xml", func(t tok) error {
			if t.start && t.name == "sheet" {
				ids[t.attr("id")] = t.attr("name")
			}
			return nil
		})
	}
	paths := map[string]string{}
	b, err := p.readAll("xl/_rels/workbook.xml.rels", maxAuxPartSize)
	if err != nil {
		return paths
	}
	_ = walkXML(bytes.NewReader(b), "xl/_rels/workbook.xml.rels", func(t tok) error {
		if !t.start || t.name != "Relationship" {
			return nil
		}
		sheet, ok := ids[t.attr("Id")]
		if !ok {
			return nil
		}
		target := strings.ReplaceAll(t.attr("Target"), `\`, "/")
		if strings.HasPrefix(target, "/") {
			paths[sheet] = strings.TrimPrefix(target, "/")
		} else {
			paths[sheet] = path.Join("xl", target)
		}
		return nil
	})
	return paths
}

// sheetMerges streams a worksheet part for its <mergeCell ref="A1:F3">
// elements. A sheet without a known part has no merges.
func sheetMerges(p *pkg, part string) ([]cellRange, error) {
	if part == "" || !p.has(part) {
		return nil, nil
	}
	rc, err := p.open(part, maxPartSize)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var out []cellRange
	err = walkXML(rc, part, func(t tok) error {
		if !t.start || t.name != "mergeCell" {
			return nil
		}
		if m, ok := parseRange(t.attr("ref")); ok {
			if len(out) >= maxMerges {
				return errTooMany("merged ranges in a sheet", maxMerges)
			}
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// parseRange parses "A1:F3" (or a single "B2") into a cellRange.
func parseRange(ref string) (cellRange, bool) {
	a, b, found := strings.Cut(ref, ":")
	if !found {
		b = a
	}
	r1, c1, ok1 := parseCell(a)
	r2, c2, ok2 := parseCell(b)
	if !ok1 || !ok2 {
		return cellRange{}, false
	}
	return cellRange{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)}, true
}

// parseCell parses "AB12" into zero-based row and column, ignoring the
// "$" of absolute references and anything beyond Excel's grid.
func parseCell(s string) (row, col int, ok bool) {
	s = strings.ReplaceAll(s, "$", "")
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		col = col*26 + int(s[i]|0x20-'a') + 1
		if col > 16384 {
			return 0, 0, false
		}
		i++
	}
	if i == 0 || i == len(s) {
		return 0, 0, false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, false
		}
		row = row*10 + int(s[i]-'0')
		if row > 1048576 {
			return 0, 0, false
		}
	}
	if row == 0 {
		return 0, 0, false
	}
	return row - 1, col - 1, true
}
