package notice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/officetest"
)

// A4 in points, and the text area of GB/T 9704: margins 37 mm top,
// 28 mm left, 26 mm right.
const (
	pageWidth  = 595.3
	areaTop    = 37 / 25.4 * 72
	areaLeft   = 28 / 25.4 * 72
	areaRight  = pageWidth - 26/25.4*72
	markLength = "嘉兴市人民政府督查室"
)

// TestLetterheadNotice: with a 发文机关标志 set, LibreOffice draws the
// notice as a 红头文件 of GB/T 9704 on one page: the mark red, centred,
// 35 mm below the text area's top; the 文号 in black, centred, under it;
// under the 文号 a red rule as wide as the text area; the title and the
// body under the rule at 22 and 16 pt. (docx.TestLetterheadGrid
// counts the 28 characters of a line.)
func TestLetterheadNotice(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	out, err := Render(Template(markLength), sample)
	if err != nil {
		t.Fatal(err)
	}
	officetest.CheckDocx(t, "督办通知书.docx", out)
	pdf := officetest.ConvertBytes(t, "督办通知书.docx", out, "pdf", "pdf")
	img := officetest.Raster(t, pdf, 1)
	if dir := os.Getenv("DUBAN_OFFICE_RENDERS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "notice-letterhead.png"), officetest.PNG(t, pdf, 1, 60), 0o644)
	}
	lines := joinLines(officetest.PDFText(t, pdf))
	var mark, number *officetest.Line
	var rest []officetest.Line
	for i, l := range lines {
		switch {
		case l.Page != 1:
			t.Errorf("the notice runs onto page %d: %q", l.Page, l.Text)
		case strings.Contains(l.Text, markLength) && mark == nil:
			mark = &lines[i]
		case strings.Contains(l.Text, "督办〔2026〕42-1号"):
			number = &lines[i]
		default:
			rest = append(rest, l)
		}
	}
	if mark == nil || number == nil {
		t.Fatalf("no mark or 文号 in %+v", lines)
	}
	if mark.Size < 30 || mark.Size > 36 {
		t.Errorf("the mark is at %d pt, want 小初 (36) or as near as fits", mark.Size)
	}
	// The red rule: rows red across the text area's width.
	rows := officetest.RedRows(img)
	rule := -1
	for _, r := range rows {
		if float64(r.X1-r.X0) > 0.95*(areaRight-areaLeft) {
			rule = r.Y
			if abs(float64(r.X0)-areaLeft) > 3 || abs(float64(r.X1)-areaRight) > 3 {
				t.Errorf("the rule runs from %d to %d pt, want the text area's %.0f to %.0f", r.X0, r.X1, areaLeft, areaRight)
			}
			break
		}
	}
	if rule < 0 {
		t.Fatalf("no red rule across the page; red rows: %v", rows)
	}
	// The mark: red, above the rule and above the 文号, centred; the 文号
	// between mark and rule, not red.
	var top, bottom, left, right = -1, -1, 1 << 30, -1
	for _, r := range rows {
		if r.Y >= rule {
			break
		}
		if top < 0 {
			top = r.Y
		}
		bottom, left, right = r.Y, min(left, r.X0), max(right, r.X1)
	}
	if top < 0 {
		t.Fatalf("nothing red above the rule at %d pt", rule)
	}
	if bottom >= number.Top {
		t.Errorf("red reaches %d pt, into the 文号 at %d pt: the mark must stand above it, the 文号 in black", bottom, number.Top)
	}
	if d := float64(top) - areaTop; d < 99-4 || d > 99+12 {
		t.Errorf("the mark's top edge is %.1f pt below the text area's, want 35 mm (99 pt)", d)
	}
	if c := float64(left+right)/2 - (areaLeft+areaRight)/2; abs(c) > 4 {
		t.Errorf("the mark (%d–%d pt) is %.1f pt off the centre", left, right, c)
	}
	if c := float64(number.Left) - (areaLeft+areaRight)/2; c > 0 || c < -80 {
		t.Errorf("the 文号 starts at %d pt: not centred", number.Left)
	}
	// GB/T 9704: the 文号 two empty lines under the mark, the rule 4 mm
	// (11 pt) under the 文号.
	if gap := number.Top - bottom; gap < 2*25 || gap > 2*29+16 {
		t.Errorf("the 文号 stands %d pt under the mark, want two empty lines", gap)
	}
	if d := rule - (number.Top + number.Size); d < 8 || d > 22 {
		t.Errorf("the rule stands %d pt under the 文号's text, want about 4 mm", d)
	}
	// Everything else under the rule, the body at 16 pt.
	for _, l := range rest {
		if l.Top < rule {
			t.Errorf("%q stands above the rule", l.Text)
		}
		if strings.Contains(l.Text, "督办通知书") {
			continue
		}
		if l.Size != 16 {
			t.Errorf("%q is at %d pt, want 16 (三号)", l.Text, l.Size)
		}
	}
	if len(rest) < 8 {
		t.Errorf("the notice reads %+v", rest)
	}
}

// joinLines joins the runs poppler reads in one line of the page (it
// splits a line where the font changes, as at digits) into one, left to
// right; the size is the largest run's.
func joinLines(runs []officetest.Line) []officetest.Line {
	var out []officetest.Line
	for _, r := range runs {
		if n := len(out); n > 0 && out[n-1].Page == r.Page && out[n-1].Top == r.Top {
			out[n-1].Text += r.Text
			out[n-1].Size = max(out[n-1].Size, r.Size)
			continue
		}
		out = append(out, r)
	}
	return out
}

// TestPlainNoticeHasNoLetterhead: without a mark the notice is the plain
// layout: nothing on it is red.
func TestPlainNoticeHasNoLetterhead(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	out, err := Render(Template(""), sample)
	if err != nil {
		t.Fatal(err)
	}
	pdf := officetest.ConvertBytes(t, "督办通知书.docx", out, "pdf", "pdf")
	if rows := officetest.RedRows(officetest.Raster(t, pdf, 1)); len(rows) > 0 {
		t.Errorf("the plain notice has red at %v", rows[0])
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
