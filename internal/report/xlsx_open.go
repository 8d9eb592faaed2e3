package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// The import reads .xlsx with archive/zip and encoding/xml rather than
// excelize. It needs, per cell, the stored value and whether the cell is
// formatted as a percentage; excelize's row iterator gives either the value
// or the displayed text, and rendering every date and number for display
// made a 100,000-row import take half a minute. Reading the parts directly
// takes one streaming pass, holds only the shared strings, and refuses
// hostile files by size before inflating them.

// Safety limits for an uploaded workbook.
const (
	maxZipEntries = 10_000    // a workbook has a few dozen parts
	maxPartBytes  = 256 << 20 // one inflated part; a 100,000-row ledger's sheet is 66 MB
	maxTotalBytes = 512 << 20 // all parts together, by their declared sizes
	maxAuxBytes   = 64 << 20  // workbook, relationships, styles
)

// errPartTooLarge marks a part that inflates past its limit.
var errPartTooLarge = errors.New("part too large")

// sheetRef is a worksheet: its tab name and its part in the zip.
type sheetRef struct{ name, part string }

// xlsxFile is an opened .xlsx package.
type xlsxFile struct {
	files    map[string]*zip.File // by lower-case part name
	sheets   []sheetRef           // worksheets in tab order
	strings  []string             // shared strings
	percents []bool               // by cell style index: formatted as a percentage
}

// openXLSX opens data as an .xlsx: the zip, the workbook's sheet list, the
// shared strings and the cell formats.
func openXLSX(data []byte) (*xlsxFile, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// An insecure path ("../x") only matters when extracting to disk.
		return nil, err
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("%d zip entries: %w", len(zr.File), errPartTooLarge)
	}
	x := &xlsxFile{files: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		// Some Windows zip tools write back-slashes; Excel accepts them.
		key := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		if _, dup := x.files[key]; !dup {
			x.files[key] = f
		}
	}
	if total > maxTotalBytes {
		return nil, fmt.Errorf("%d bytes inflated: %w", total, errPartTooLarge)
	}
	wbPart := x.mainPart()
	rels, err := x.rels(wbPart)
	if err != nil {
		return nil, fmt.Errorf("workbook relationships: %w", err)
	}
	if err := x.readSheetList(wbPart, rels); err != nil {
		return nil, err
	}
	for _, r := range rels {
		switch path.Base(r.Type) {
		case "sharedStrings":
			if x.strings, err = x.readSharedStrings(r.target); err != nil {
				return nil, fmt.Errorf("shared strings: %w", err)
			}
		case "styles":
			if x.percents, err = x.readPercentStyles(r.target); err != nil {
				return nil, fmt.Errorf("styles: %w", err)
			}
		}
	}
	return x, nil
}

// open opens a part for streaming, capped at limit bytes: archive/zip
// stops at the declared size, which was checked, and the cap catches a
// part that declares less than it is.
func (x *xlsxFile) open(part string, limit int64) (io.ReadCloser, error) {
	f, ok := x.files[strings.ToLower(part)]
	if !ok {
		return nil, fmt.Errorf("missing part %s", part)
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s: %w", part, errPartTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", part, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, limit), rc}, nil
}

// decode unmarshals a small part.
func (x *xlsxFile) decode(part string, v any) error {
	rc, err := x.open(part, maxAuxBytes)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", part, err)
	}
	return nil
}

// rel is one relationship, with its target resolved to a part name.
type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	target string
}

// rels reads the relationships of part, resolving targets against the
// part's folder ("worksheets/sheet1.xml") or the package root
// ("/xl/worksheets/sheet1.xml").
func (x *xlsxFile) rels(part string) ([]rel, error) {
	dir, base := path.Split(part)
	var doc struct {
		Rels []rel `xml:"Relationship"`
	}
	if err := x.decode(dir+"_rels/"+base+".rels", &doc); err != nil {
		return nil, err
	}
	for i, r := range doc.Rels {
		t := strings.ReplaceAll(r.Target, `\`, "/")
		if strings.HasPrefix(t, "/") {
			doc.Rels[i].target = strings.TrimPrefix(path.Clean(t), "/")
		} else {
			doc.Rels[i].target = path.Join(dir, t)
		}
	}
	return doc.Rels, nil
}

// mainPart is the workbook part named by the package relationships,
// xl/workbook.xml in every file seen so far.
func (x *xlsxFile) mainPart() string {
	rels, err := x.rels("")
	if err == nil {
		for _, r := range rels {
			if path.Base(r.Type) == "officeDocument" {
				return r.target
			}
		}
	}
	return "xl/workbook.xml"
}

// readSheetList reads the worksheets in tab order. Chart sheets and
// dialog sheets have no cells and are left out.
func (x *xlsxFile) readSheetList(wbPart string, rels []rel) error {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			// Strict OOXML uses another namespace for the same attribute.
			StrictRID string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := x.decode(wbPart, &wb); err != nil {
		return err
	}
	byID := make(map[string]rel, len(rels))
	for _, r := range rels {
		byID[r.ID] = r
	}
	for _, s := range wb.Sheets {
		id := s.RID
		if id == "" {
			id = s.StrictRID
		}
		if r, ok := byID[id]; ok && path.Base(r.Type) == "worksheet" {
			x.sheets = append(x.sheets, sheetRef{name: s.Name, part: r.target})
		}
	}
	return nil
}
