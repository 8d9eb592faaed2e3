package bulletin

import (
	"archive/zip"
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/duban/duban/internal/officetest"
)

// TestDocxCharts: the .docx holds the web page's four charts as chart
// parts, and LibreOffice draws them: each chart's title on the page, its
// bars, slices and line in their colours, the figures as labels; the
// document stays a few pages; the title breaks into two lines of words,
// not a line with 报 alone.
func TestDocxCharts(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	b := build(t)
	data := b.Docx()
	officetest.CheckDocx(t, "通报.docx", data)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/charts/chart") {
			charts++
		}
	}
	if charts != 4 {
		t.Errorf("the .docx holds %d charts, want the page's 4", charts)
	}
	pdf := officetest.ConvertBytes(t, "通报.docx", data, "pdf", "pdf")
	lines := officetest.PDFText(t, pdf)
	page := map[string]int{}
	pages := 0
	var title []string
	lastTop := -1
	for _, l := range lines {
		pages = max(pages, l.Page)
		for _, c := range b.DocCharts() {
			if strings.Contains(l.Text, c.Chart.Title) && l.Size == 14 {
				page[c.Chart.Title] = l.Page
			}
		}
		if l.Size == 22 { // runs of one line (poppler splits at digits) joined
			if l.Top == lastTop {
				title[len(title)-1] += l.Text
			} else {
				title = append(title, l.Text)
			}
			lastTop = l.Top
		}
	}
	if pages < 2 || pages > 6 {
		t.Errorf("the bulletin prints on %d pages", pages)
	}
	if strings.Join(title, "") != b.Title || len(title) != 2 {
		t.Errorf("the title prints as %q, want %q on two lines", title, b.Title)
	}
	for _, l := range title {
		if utf8.RuneCountInString(l) < 4 {
			t.Errorf("a title line holds only %q", l)
		}
	}
	for _, c := range b.DocCharts() {
		if page[c.Chart.Title] == 0 {
			t.Errorf("LibreOffice draws no chart titled %q", c.Chart.Title)
		}
	}
	var text strings.Builder
	for _, l := range lines {
		text.WriteString(l.Text + "\n")
	}
	for _, label := range []string{"66.7%", "81.15", "月末逾期未完成"} {
		if !strings.Contains(text.String(), label) {
			t.Errorf("the charts lack the label %q", label)
		}
	}
	// Colours drawn: the units' completion bars (blue) on the first
	// chart's page; the pie's red slice (a red notice) on its page.
	colour := func(title, rgb string) int {
		img := officetest.Raster(t, pdf, page[title])
		return count(img, rgb)
	}
	if n := colour("各单位完成情况", "2563EB"); n < 300 {
		t.Errorf("the completion chart has %d blue points, want its bars", n)
	}
	if n := colour("督办单分级", "DC2626"); n < 1000 {
		t.Errorf("the notices chart has %d red points, want the red notices' slice", n)
	}
	if dir := os.Getenv("DUBAN_OFFICE_RENDERS"); dir != "" {
		for p := 1; p <= min(pages, 3); p++ {
			os.WriteFile(filepath.Join(dir, "bulletin-"+string(rune('0'+p))+".png"), officetest.PNG(t, pdf, p, 60), 0o644)
		}
	}
}

// count is how many pixels of img are within a few steps of rgb.
func count(img image.Image, rgb string) int {
	var want [3]uint32
	for i := range 3 {
		var v uint32
		for _, c := range rgb[2*i : 2*i+2] {
			v *= 16
			switch {
			case c >= '0' && c <= '9':
				v += uint32(c - '0')
			default:
				v += uint32(c-'A') + 10
			}
		}
		want[i] = v
	}
	n := 0
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r>>8, want[0]) && near(g>>8, want[1]) && near(b>>8, want[2]) {
				n++
			}
		}
	}
	return n
}

func near(a, b uint32) bool { return a+12 >= b && b+12 >= a }
