package docread

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// checkResult holds for every input: a document or an *Error, never
// both or neither, and tables that are rectangular.
func checkResult(t *testing.T, doc *Doc, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || doc != nil {
			t.Fatalf("error %v (%T) with doc %v", err, err, doc)
		}
		return
	}
	if doc == nil {
		t.Fatal("nil doc without error")
	}
	for _, b := range doc.Blocks {
		for _, row := range b.Table {
			if len(row) != len(b.Table[0]) {
				t.Fatalf("ragged table: %q", b.Table)
			}
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("一、总体要求\r\n二、重点任务\r\n"))
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("牵头单位：县政府办\n"))
	f.Add(gb)
	f.Add([]byte{0xFF, 0xFE, '1', 0, '\n', 0})
	f.Add([]byte("<html><body><table><tr><td>a<td>b<tr><td colspan=2>c</table>"))
	f.Add(docx(f, tbl(tr(tc(`<w:vMerge w:val="restart"/>`, "a"), tc("", "b")), tr(tc(`<w:vMerge/>`), tc(`<w:gridSpan w:val="2"/>`, "c")))))
	f.Add(rawXlsx(f, `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData>`))
	f.Add(append(append([]byte{}, magicOLE...), utf16le("WordDocument")...))
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("序号,任务,单位\r\n1,\"建\n园区\",县局\r\n2,招商,\"\"\r\n"))
	f.Add(testdata(f, "04_sichuan_resettlement_dept_workplan_2014_10.docx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read("fuzz", data)
		checkResult(t, doc, err)
	})
}

func FuzzDocx(f *testing.F) {
	f.Add(wp("x"), `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>`)
	f.Add(numP(1, 0, "a")+numP(1, 1, "b"), lvl(0, 0, "decimal", "%1.%2.%9")+lvl(1, -5, "lowerRoman", "%2"))
	f.Add(tbl(tr(tc(`<w:gridSpan w:val="-3"/>`), tc(`<w:vMerge/>`)))+"<w:p><w:del><w:r><w:t>x</w:t></w:r></w:del></w:p>", "")
	f.Add(`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p><w:tbl><w:tc>`+wp("b")+`</w:tc></w:tbl>`, "<w:lvl/>")
	f.Fuzz(func(t *testing.T, body, levels string) {
		numbering := part{"word/numbering.xml", `<w:numbering ` + wordNS + `><w:abstractNum w:abstractNumId="0">` + levels +
			`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`}
		doc, err := Read("fuzz.docx", docx(t, body, numbering))
		checkResult(t, doc, err)
	})
}

func FuzzXlsx(f *testing.F) {
	f.Add(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1"><v>3</v></c></row></sheetData>`, "A1:B2")
	f.Add(`<sheetData><row r="5"><c r="XFD5" t="b"><v>1</v></c></row></sheetData>`, "$A$1:XFD1")
	f.Add(`<sheetData><row><c><v>1E+400</v></c></row></sheetData>`, "B2")
	f.Fuzz(func(t *testing.T, sheetData, merge string) {
		sheet := sheetData + `<mergeCells><mergeCell ref="` + merge + `"/></mergeCells>`
		doc, err := Read("fuzz.xlsx", rawXlsx(t, sheet))
		checkResult(t, doc, err)
	})
}

func FuzzText(f *testing.F) {
	f.Add("一、总体要求\n二、重点任务\n")
	f.Add("a\r\nb\r\n\r\n")
	f.Add("\rc\r")
	f.Add("\uFEFFx")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Read("fuzz.txt", []byte(s))
		checkResult(t, doc, err)
		if err != nil || doc.Encoding != encUTF8 || !utf8.ValidString(s) || strings.HasPrefix(s, "\uFEFF") || strings.ContainsRune(s, '\r') {
			return
		}
		// Plain UTF-8 lines come back exactly.
		var lines []string
		for _, b := range doc.Blocks {
			lines = append(lines, b.Text)
		}
		if got, want := strings.Join(lines, "\n"), strings.TrimSuffix(s, "\n"); got != want {
			t.Errorf("lines %q from %q", lines, s)
		}
	})
}
