package docread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// pkg is an OOXML package (a zip) opened for bounded reading.
type pkg struct {
	zr    *zip.Reader
	files map[string]*zip.File // by lower-case name with forward slashes
}

// openPkg opens data as a zip. It refuses archives with more entries than
// any office document has, before anything is inflated.
func openPkg(data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// An insecure path ("../x") only matters to code that extracts
		// files; we never touch the file system.
		return nil, fmt.Errorf("docread: open zip: %w", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, errLimit(reasonZipTooMany, "docread: zip has %d entries, limit %d", len(zr.File), maxZipEntries)
	}
	p := &pkg{zr: zr, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		// Some Windows zip tools write back-slashes; Office tolerates
		// them and so do we.
		key := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		if _, dup := p.files[key]; !dup {
			p.files[key] = f
		}
	}
	return p, nil
}

// has reports whether the package holds the named part.
func (p *pkg) has(part string) bool {
	_, ok := p.files[strings.ToLower(part)]
	return ok
}

// open opens a part for streaming, failing with a limitError once more
// than limit bytes come out of it. The declared size is checked first so
// an honest zip bomb is refused without inflating anything; a lying one
// is caught by archive/zip, which stops at the declared size, and by the
// cap.
func (p *pkg) open(part string, limit int64) (io.ReadCloser, error) {
	f, ok := p.files[strings.ToLower(part)]
	if !ok {
		return nil, fmt.Errorf("docread: part %s: %w", part, errMissingPart)
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, errLimit(reasonZipBomb, "docread: %s declares %d bytes inflated, limit %d MiB", part, f.UncompressedSize64, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("docread: open %s: %w", part, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{newCappedReader(rc, part, limit), rc}, nil
}

// readAll reads a whole (small) part into memory, within limit.
func (p *pkg) readAll(part string, limit int64) ([]byte, error) {
	rc, err := p.open(part, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("docread: read %s: %w", part, err)
	}
	return b, nil
}

var errMissingPart = errors.New("missing from the package")

// Content types of the main parts, from [Content_Types].xml. Matching
// them finds the main part of a package whose names are unusual.
const (
	ctWordMain     = "wordprocessingml.document.main+xml"
	ctWordMacro    = "ms-word.document.macroenabled.main+xml"
	ctWordTemplate = "wordprocessingml.template.main+xml"
	ctSheetMain    = "spreadsheetml.sheet.main+xml"
	ctSheetMacro   = "ms-excel.sheet.macroenabled.main+xml"
	ctSheetTmpl    = "spreadsheetml.template.main+xml"
)

// readZip recognises a zip by the parts it holds and reads it as .docx or
// .xlsx; any other zip is refused with a reason naming what it is.
func readZip(name string, data []byte) (Format, *Doc, error) {
	p, err := openPkg(data)
	var le *limitError
	if errors.As(err, &le) {
		return "", nil, err
	}
	if err != nil {
		// Not even a zip directory: a truncated download of either kind.
		return FormatDocx, nil, newErrorWrap(name, "文件以 zip 开头但已损坏或不完整（.docx/.xlsx 损坏）(the file starts as a zip but is damaged or truncated)", err)
	}
	docPart := mainPart(p)
	switch {
	case docPart != "":
		doc, err := readDocx(name, p, docPart)
		return FormatDocx, doc, err
	case p.has("xl/workbook.xml") || p.hasContentType(ctSheetMain, ctSheetMacro, ctSheetTmpl) != "":
		doc, err := readXlsx(name, p, data)
		return FormatXlsx, doc, err
	case p.has("ppt/presentation.xml"):
		return "", nil, newError(name, "这是 PowerPoint (.pptx) 文件，"+reasonExpected+" (PowerPoint is not supported)", ErrUnsupported, "")
	case p.has("mimetype") && p.has("content.xml"):
		return "", nil, newError(name, "这是 OpenDocument (.odt/.ods) 文件，请另存为 .docx/.xlsx (OpenDocument is not supported; save as .docx/.xlsx)", ErrUnsupported, "")
	}
	return "", nil, newError(name, reasonUnknownZip, ErrUnsupported, "")
}

// mainPart returns the name of the Word main part, or "".
func mainPart(p *pkg) string {
	if p.has("word/document.xml") {
		return "word/document.xml"
	}
	return p.hasContentType(ctWordMain, ctWordMacro, ctWordTemplate)
}

// hasContentType returns the part name [Content_Types].xml gives one of
// the content types, or "".
func (p *pkg) hasContentType(types ...string) string {
	b, err := p.readAll("[Content_Types].xml", maxAuxPartSize)
	if err != nil {
		return ""
	}
	var part string
	_ = walkXML(bytes.NewReader(b), "[Content_Types].xml", func(t tok) error {
		if t.start && t.name == "Override" && part == "" {
			ct := strings.ToLower(t.attr("ContentType"))
			for _, want := range types {
				if strings.HasSuffix(ct, want) {
					part = strings.TrimPrefix(t.attr("PartName"), "/")
				}
			}
		}
		return nil
	})
	if part != "" && !p.has(part) {
		return ""
	}
	return part
}

// newErrorWrap is newError for an underlying error rather than a detail.
func newErrorWrap(name, reason string, err error) *Error {
	return &Error{Name: name, Reason: reason, Err: fmt.Errorf("%w: %w", ErrDamaged, err)}
}
