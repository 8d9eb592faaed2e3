package officetest

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Pdftohtml is poppler's, from Debian's poppler-utils.
const Pdftohtml = "/usr/bin/pdftohtml"

// Line is one run of text on a PDF page as poppler reads it: where it
// stands, in points from the page's top-left, and its font's size.
type Line struct {
	Page      int
	Top, Left int
	Size      int    // the font size in points, rounded
	Family    string // the embedded font's name
	Text      string
}

// PDFText reads the runs of text of a PDF with their font sizes
// (pdftohtml -xml at zoom 1, where a size is in points). Without poppler
// it skips (or, under CI=true, fails) like Require.
func PDFText(t testing.TB, pdf []byte) []Line {
	t.Helper()
	if _, err := os.Stat(Pdftohtml); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("poppler-utils is not installed (%s), and CI must measure the rendered files", Pdftohtml)
		}
		t.Skipf("poppler-utils not installed (%s): skipping the measure of the rendered file", Pdftohtml)
	}
	src := filepath.Join(t.TempDir(), "file.pdf")
	if err := os.WriteFile(src, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(Pdftohtml, "-xml", "-i", "-stdout", "-zoom", "1", "-q", src).Output()
	if err != nil {
		t.Fatalf("pdftohtml: %v", err)
	}
	var doc struct {
		Pages []struct {
			Number int `xml:"number,attr"`
			Fonts  []struct {
				ID     string `xml:"id,attr"`
				Size   int    `xml:"size,attr"`
				Family string `xml:"family,attr"`
			} `xml:"fontspec"`
			Texts []struct {
				Top  int    `xml:"top,attr"`
				Left int    `xml:"left,attr"`
				Font string `xml:"font,attr"`
				Text string `xml:",innerxml"`
			} `xml:"text"`
		} `xml:"page"`
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	d.Strict = false
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("pdftohtml -xml: %v\n%s", err, out)
	}
	type font struct {
		size   int
		family string
	}
	fonts := map[string]font{} // font ids run on across pages
	var lines []Line
	for _, p := range doc.Pages {
		for _, f := range p.Fonts {
			fonts[f.ID] = font{f.Size, f.Family}
		}
		for _, x := range p.Texts {
			f := fonts[x.Font]
			lines = append(lines, Line{Page: p.Number, Top: x.Top, Left: x.Left, Size: f.size, Family: f.family, Text: x.Text})
		}
	}
	return lines
}
