package docx

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
