package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// TestTitleLines: a title that fits stays one line; a longer one breaks
// after a word (于, 的, a date's 度) near the middle, each line fitting,
// no line of one character, digits kept together.
func TestTitleLines(t *testing.T) {
	for title, want := range map[string][]string{
		"督办通知书": {"督办通知书"},
		"关于2026年3月重点工作推进情况的通报":                     {"关于2026年3月重点工作推进情况的通报"},
		"关于2026年第一季度重点工作推进情况的通报":                   {"关于2026年第一季度", "重点工作推进情况的通报"},
		"关于研究解决行政执法经费缺口办理情况的报告":                    {"关于研究解决行政执法", "经费缺口办理情况的报告"},
		"关于2026年度全市重点民生实事项目和市政府工作报告确定的重点任务推进情况的通报": {"关于2026年度全市重点民生实事项目和", "市政府工作报告确定的", "重点任务推进情况的通报"},
	} {
		got := TitleLines(title)
		if !slices.Equal(got, want) {
			t.Errorf("TitleLines(%q) = %q, want %q", title, got, want)
		}
		if strings.Join(got, "") != title {
			t.Errorf("TitleLines(%q) loses text: %q", title, got)
		}
	}
}

// TestChartPartsParse: each chart part is well-formed XML in the chart
// namespace, linked from the document and typed in the package.
func TestChartPartsParse(t *testing.T) {
	d := New()
	d.Chart(Chart{Title: "各单位完成情况", Kind: Bar, Max: 100, Format: `0.0"%"`, Categories: []string{"市<财政>局", "市法制办"},
		Series: []Series{{Name: "完成率", Values: []float64{50, 66.7}}}})
	d.Chart(Chart{Title: "趋势", Kind: Line, Categories: []string{"1月", "2月"},
		Series: []Series{{Name: "督办单", Kind: Column, Values: []float64{1, 3}}, {Name: "逾期", Values: []float64{0, 2}}}})
	d.Chart(Chart{Title: "分级", Kind: Pie, Categories: []string{"蓝色督办单"}, Colors: []string{"2563EB"},
		Series: []Series{{Name: "督办单", Values: []float64{1}}}})
	data := d.Bytes()
	officetest.CheckDocx(t, "charts.docx", data)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "word/charts/") {
			continue
		}
		charts++
		rc, _ := f.Open()
		var root struct {
			XMLName xml.Name
		}
		err := xml.NewDecoder(rc).Decode(&root)
		rc.Close()
		if err != nil || root.XMLName.Space != "http://schemas.openxmlformats.org/drawingml/2006/chart" || root.XMLName.Local != "chartSpace" {
			t.Errorf("%s: %v %v", f.Name, root.XMLName, err)
		}
	}
	if charts != 3 {
		t.Errorf("%d chart parts, want 3", charts)
	}
}
