package docx

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/duban/duban/internal/officetest"
)

// TestPackageIsWhole: a document written here carries every part and
// relationship a .docx needs, with the fallback fonts.
func TestPackageIsWhole(t *testing.T) {
	d := New()
	d.Title("标题")
	d.Heading("一、总体情况")
	d.Body("正文")
	d.Table([]string{"单位", "得分"}, [][]string{{"市法制办", "95"}})
	officetest.CheckDocx(t, "doc.docx", d.Bytes())
}

// TestOneWriter: every .docx duban writes comes from this package (or,
// for a notice on an office's template, from package notice, which
// fills a package and adds the relationships an old one lacks): no other
// code zips a word/document.xml of its own.
func TestOneWriter(t *testing.T) {
	allowed := map[string]bool{"docx/docx.go": true, "notice/render.go": true}
	seen := 0
	err := filepath.WalkDir("..", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, ".."+string(filepath.Separator)))
		if strings.Contains(string(data), "zip.NewWriter") && strings.Contains(string(data), "word/") {
			if !allowed[rel] {
				t.Errorf("%s writes a .docx of its own: write it with package docx", rel)
			}
			seen++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < len(allowed) {
		t.Errorf("found %d writers, want at least the %d known ones", seen, len(allowed))
	}
}

// TestLetterheadGrid: a document with a 红头 keeps to the 公文 grid in
// LibreOffice: a full line of the body holds 28 characters of 三号, and
// the page 22 lines.
func TestLetterheadGrid(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	d := New()
	d.Letterhead("某市人民政府督查室", "督办〔2026〕1号")
	// 26 characters after the indent, 28 on the next line, 2 left over.
	para := strings.Repeat("督查督办工作有关规定", 6)[:56*3]
	d.Body(para)
	for range 50 {
		d.Body("行")
	}
	pdf := officetest.ConvertBytes(t, "grid.docx", d.Bytes(), "pdf", "pdf")
	var lines []officetest.Line
	for _, l := range officetest.PDFText(t, pdf) {
		if n := len(lines); n > 0 && lines[n-1].Page == l.Page && lines[n-1].Top == l.Top {
			lines[n-1].Text += l.Text
			continue
		}
		lines = append(lines, l)
	}
	var got []int
	perPage := map[int]int{}
	for _, l := range lines {
		if strings.HasPrefix(para, l.Text) || strings.Contains(para, l.Text) && len(l.Text) > 3 {
			got = append(got, utf8.RuneCountInString(l.Text))
		}
		if l.Text == "行" {
			perPage[l.Page]++
		}
	}
	if len(got) != 3 || got[0] != 26 || got[1] != 28 || got[2] != 2 {
		t.Errorf("the paragraph's lines hold %v characters, want [26 28 2]", got)
	}
	// Page 2 is all body: 22 lines of 28.95 pt.
	if perPage[2] != 22 {
		t.Errorf("page 2 holds %d lines, want 22 (pages: %v)", perPage[2], perPage)
	}
}
