package officetest

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// Pdftoppm is poppler's rasteriser, from Debian's poppler-utils.
const Pdftoppm = "/usr/bin/pdftoppm"

// Raster draws one page of a PDF at 72 dots per inch, so that a pixel is
// a point and pixel rows line up with PDFText's tops. Without poppler it
// skips (or, under CI=true, fails) like Require.
func Raster(t testing.TB, pdf []byte, page int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(PNG(t, pdf, page, 72)))
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	return img
}

// PNG draws one page of a PDF at dpi dots per inch, as a PNG file's
// bytes (the sample renders kept in docs/office are these).
func PNG(t testing.TB, pdf []byte, page, dpi int) []byte {
	t.Helper()
	if _, err := os.Stat(Pdftoppm); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("poppler-utils is not installed (%s), and CI must look at the rendered files", Pdftoppm)
		}
		t.Skipf("poppler-utils not installed (%s): skipping the look at the rendered file", Pdftoppm)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "file.pdf")
	if err := os.WriteFile(src, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	n := strconv.Itoa(page)
	if msg, err := exec.Command(Pdftoppm, "-r", strconv.Itoa(dpi), "-png", "-f", n, "-l", n, "-singlefile", src, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, msg)
	}
	out, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Red says whether a pixel is red, as a 红头 is printed: a strong red
// channel, weak green and blue (antialiased edges pale toward white and
// are not counted).
func Red(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r>>8 > 180 && g>>8 < 90 && b>>8 < 90
}

// Span is a run of pixels in one row: from X0 to X1, inclusive.
type Span struct{ Y, X0, X1 int }

// RedRows are, for each row of img with a red pixel, the leftmost and
// rightmost red pixels, top to bottom.
func RedRows(img image.Image) []Span {
	var rows []Span
	bd := img.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		s := Span{Y: y, X0: -1}
		for x := bd.Min.X; x < bd.Max.X; x++ {
			if Red(img, x, y) {
				if s.X0 < 0 {
					s.X0 = x
				}
				s.X1 = x
			}
		}
		if s.X0 >= 0 {
			rows = append(rows, s)
		}
	}
	return rows
}
