package docread

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// part is one entry of a zip built by a test.
type part struct {
	name, body string
}

// buildZip writes parts into a zip in memory.
func buildZip(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// docx builds a minimal .docx whose body is body; extra parts (numbering,
// styles, comments) are added as given.
func docx(t testing.TB, body string, extra ...part) []byte {
	t.Helper()
	parts := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `</w:body></w:document>`},
	}
	return buildZip(t, append(parts, extra...)...)
}

// wp is a paragraph of one run.
func wp(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

// numP is a paragraph numbered directly with numId and ilvl.
func numP(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

// tc is a table cell with optional properties and paragraphs.
func tc(props string, paras ...string) string {
	s := "<w:tc>"
	if props != "" {
		s += "<w:tcPr>" + props + "</w:tcPr>"
	}
	for _, p := range paras {
		s += wp(p)
	}
	return s + "</w:tc>"
}

func tr(cells ...string) string { return "<w:tr>" + strings.Join(cells, "") + "</w:tr>" }

func tbl(rows ...string) string { return "<w:tbl>" + strings.Join(rows, "") + "</w:tbl>" }

// mustRead reads data and fails the test on error.
func mustRead(t testing.TB, name string, data []byte) *Doc {
	t.Helper()
	doc, err := Read(name, data)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return doc
}

// texts returns the paragraph texts of doc; a table appears as "[table]".
func texts(doc *Doc) []string {
	var out []string
	for _, b := range doc.Blocks {
		if b.IsTable() {
			out = append(out, "[table]")
			continue
		}
		out = append(out, b.Text)
	}
	return out
}

// tables returns the tables of doc.
func tables(doc *Doc) [][][]string {
	var out [][][]string
	for _, b := range doc.Blocks {
		if b.IsTable() {
			out = append(out, b.Table)
		}
	}
	return out
}

// wantError checks that err is an *Error naming name, of the given kind,
// whose Reason contains each of the words.
func wantError(t testing.TB, err error, name string, kind error, words ...string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error = %v (%T), want *Error", err, err)
	}
	if e.Name != name {
		t.Errorf("Error.Name = %q, want %q", e.Name, name)
	}
	if kind != nil && !errors.Is(err, kind) {
		t.Errorf("error %v is not %v", err, kind)
	}
	for _, w := range words {
		if !strings.Contains(e.Reason, w) {
			t.Errorf("Reason %q lacks %q", e.Reason, w)
		}
	}
	if !strings.Contains(err.Error(), name) {
		t.Errorf("message %q does not name the file", err.Error())
	}
}

// testdata reads a file from testdata/.
func testdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
