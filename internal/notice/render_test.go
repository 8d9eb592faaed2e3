package notice

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/docread"
	"github.com/duban/duban/internal/docx"
	"github.com/duban/duban/internal/officetest"
)

var sample = Fields{Number: "督办〔2026〕42-1号", Issuer: "嘉兴市人民政府督查室", Unit: "市法制办", Plan: "法治政府建设实施方案",
	Task: "完善行政决策机制 <重大> & 程序", Level: "蓝色督办单", Due: day(2026, 2, 27), Issued: day(2026, 3, 9), Deadline: day(2026, 3, 16), Pressed: true}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestDefaultNoticeReadsBack: the default template filled in is a Word
// document whose text says who, what, and by when, with no placeholder
// left and the task's own characters intact.
func TestDefaultNoticeReadsBack(t *testing.T) {
	out, err := Render(DefaultTemplate(), sample)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docread.Read("notice.docx", out)
	if err != nil {
		t.Fatal(err)
	}
	text := docread.Text(doc)
	for _, want := range []string{"督办通知书", "（蓝色督办单）", "督办〔2026〕42-1号", "市法制办：", "《法治政府建设实施方案》确定的“完善行政决策机制 <重大> & 程序”任务应于2026年2月27日前完成",
		"于2026年3月16日前完成整改", "嘉兴市人民政府督查室", "2026年3月9日"} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "{{") {
		t.Errorf("a placeholder is left:\n%s", text)
	}
}

// TestReasonFromWhatHappened (issue 14, defect 2): the notice's opening
// says only what happened: 经催办 after a recorded 催办, late only past
// the due date, no 《》 without a plan title, no "应于前完成" without a
// due date; and the default template's text is that sentence.
func TestReasonFromWhatHappened(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*Fields)
		want string
	}{
		{"pressed and late", func(*Fields) {}, "《法治政府建设实施方案》确定的“完善行政决策机制 <重大> & 程序”任务应于2026年2月27日前完成，经催办后仍未按期完成。"},
		{"late, never pressed", func(f *Fields) { f.Pressed = false }, "任务应于2026年2月27日前完成，至今未按期完成。"},
		{"not yet due", func(f *Fields) { f.Pressed, f.Due = false, day(2026, 4, 30) }, "任务应于2026年4月30日前完成。"},
		{"no due date", func(f *Fields) { f.Pressed, f.Due = false, time.Time{} }, "“完善行政决策机制 <重大> & 程序”任务需加快推进。"},
		{"no due date, pressed", func(f *Fields) { f.Due = time.Time{} }, "任务经催办后仍需加快推进。"},
		{"no plan title", func(f *Fields) { f.Plan = "" }, "“完善行政决策机制 <重大> & 程序”任务应于2026年2月27日前完成，经催办后仍未按期完成。"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := sample
			c.edit(&f)
			out, err := Render(DefaultTemplate(), f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := docread.Read("notice.docx", out)
			if err != nil {
				t.Fatal(err)
			}
			text := docread.Text(doc)
			if !strings.Contains(text, c.want+"根据督查督办工作有关规定") {
				t.Errorf("notice lacks %q:\n%s", c.want, text)
			}
			for _, bad := range []string{"《》", "应于前完成", "{{"} {
				if strings.Contains(text, bad) {
					t.Errorf("notice says %q:\n%s", bad, text)
				}
			}
			if !f.Pressed && strings.Contains(text, "经催办") {
				t.Errorf("notice says 经催办 with no 催办:\n%s", text)
			}
			if f.Plan == "" && strings.Contains(text, "《") {
				t.Errorf("notice has a 《 without a plan title:\n%s", text)
			}
		})
	}
}

// TestPlaceholderSplitAcrossRuns: Word splits typed text into runs where
// it likes; a placeholder spread over three runs is still filled.
func TestPlaceholderSplitAcrossRuns(t *testing.T) {
	body := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		`<w:p><w:r><w:t>致{{</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>单</w:t></w:r><w:r><w:t xml:space="preserve">位}}：请于{{限期}}前反馈</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>不变的段落</w:t></w:r></w:p></w:body></w:document>`
	out, err := Render(docxOf(t, body), sample)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docread.Read("n.docx", out)
	if err != nil {
		t.Fatal(err)
	}
	if text := docread.Text(doc); !strings.Contains(text, "致市法制办：请于2026年3月16日前反馈") || !strings.Contains(text, "不变的段落") {
		t.Errorf("text %q", text)
	}
}

// TestBadTemplates: an unknown placeholder is named with the ones that
// exist; a file that is no Word document says so.
func TestBadTemplates(t *testing.T) {
	body := `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{{单位名称}}</w:t></w:r></w:p></w:body></w:document>`
	_, err := Render(docxOf(t, body), sample)
	var te *TemplateError
	if !errors.As(err, &te) || !strings.Contains(te.Message, "{{单位名称}}") || !strings.Contains(te.Message, "单位") {
		t.Errorf("unknown placeholder: %v", err)
	}
	if _, err := Render([]byte("not a zip"), sample); !errors.As(err, &te) || !strings.Contains(te.Message, ".docx") {
		t.Errorf("not a zip: %v", err)
	}
}

// TestNoticeOpensInLibreOffice: LibreOffice reads the notice and prints
// its text.
func TestNoticeOpensInLibreOffice(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	out, err := Render(DefaultTemplate(), sample)
	if err != nil {
		t.Fatal(err)
	}
	text := officetest.ConvertBytes(t, "督办通知书.docx", out, "txt:Text (encoded):UTF8", "txt")
	if !strings.Contains(string(text), "市法制办：") || !strings.Contains(string(text), "2026年3月16日") {
		t.Errorf("LibreOffice reads:\n%s", text)
	}
}

// docxOf wraps a document.xml into a package Word opens.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	return docx.Package(body)
}

// TestNoticeRendersAsGongwen: the notice is a whole .docx package, and
// LibreOffice lays it out as a 公文: the title at 二号 (22 pt), the body
// at 三号 (16 pt) on 28.95 pt lines, one page. A template saved before
// the package had its relationships gains them.
func TestNoticeRendersAsGongwen(t *testing.T) {
	officetest.Require(t)
	t.Parallel()
	out, err := Render(DefaultTemplate(), sample)
	if err != nil {
		t.Fatal(err)
	}
	officetest.CheckDocx(t, "督办通知书.docx", out)
	pdf := officetest.ConvertBytes(t, "督办通知书.docx", out, "pdf", "pdf")
	if dir := os.Getenv("DUBAN_OFFICE_RENDERS"); dir != "" {
		os.WriteFile(filepath.Join(dir, "督办通知书.pdf"), pdf, 0o644)
	}
	lines := officetest.PDFText(t, pdf)
	checkGongwen(t, lines)

	// An old template: the package as duban wrote it before, without the
	// document's relationships, settings and font table.
	old := withoutParts(t, DefaultTemplate(), "word/_rels/document.xml.rels", "word/settings.xml", "word/fontTable.xml")
	out, err = Render(old, sample)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	var rels string
	for _, f := range zr.File {
		if f.Name == "word/_rels/document.xml.rels" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			rels = string(b)
		}
	}
	if !strings.Contains(rels, `Target="styles.xml"`) || strings.Contains(rels, `Target="fontTable.xml"`) {
		t.Fatalf("an old template's notice links: %q", rels)
	}
	checkGongwen(t, officetest.PDFText(t, officetest.ConvertBytes(t, "旧模板.docx", out, "pdf", "pdf")))
}

// checkGongwen measures the rendered notice.
func checkGongwen(t *testing.T, lines []officetest.Line) {
	t.Helper()
	var body []officetest.Line
	titled := false
	for _, l := range lines {
		if l.Page != 1 {
			t.Errorf("the notice runs onto page %d: %q", l.Page, l.Text)
		}
		if strings.Contains(l.Text, "督办通知书") {
			titled = true
			if l.Size != 22 {
				t.Errorf("the title is at %d pt, want 22 (二号)", l.Size)
			}
			continue
		}
		body = append(body, l)
		if l.Size != 16 {
			t.Errorf("%q is at %d pt, want 16 (三号)", l.Text, l.Size)
		}
	}
	if !titled || len(body) < 8 {
		t.Fatalf("the PDF reads: %+v", lines)
	}
	// The body's lines, top to bottom, from 市法制办： to the last before
	// the empty paragraph: each 28.95 pt below the one before.
	var tops []int
	for _, l := range body {
		if len(tops) == 0 && !strings.HasPrefix(l.Text, "市法制办") {
			continue
		}
		if len(tops) == 0 || l.Top != tops[len(tops)-1] {
			tops = append(tops, l.Top)
		}
	}
	if len(tops) < 6 {
		t.Fatalf("body lines at %v", tops)
	}
	for i := 1; i < 6; i++ {
		if d := float64(tops[i] - tops[i-1]); d < 27.95 || d > 29.95 {
			t.Errorf("body line %d stands %v pt below the one before, want 28.95 (lines at %v)", i, d, tops)
		}
	}
}

// withoutParts copies a .docx leaving parts out.
func withoutParts(t *testing.T, data []byte, names ...string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if slices.Contains(names, f.Name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(f.Name)
		io.Copy(w, rc)
		rc.Close()
	}
	zw.Close()
	return buf.Bytes()
}
