package docread

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestReadRecognisesContent(t *testing.T) {
	tests := []struct {
		name   string // the file name, which is deliberately misleading
		data   []byte
		format Format
	}{
		{"通知.doc", docx(t, wp("正文")), FormatDocx},
		{"导出.xls", []byte(`<html><body><table><tr><td>任务</td><td>状态</td></tr><tr><td>a</td><td>b</td></tr></table></body></html>`), FormatHTML},
		{"table-only.xls", []byte("\xEF\xBB\xBF  <table><tr><td>a</td></tr></table>"), FormatHTML},
		{"plain.docx", []byte("一、总体要求\n二、重点任务\n"), FormatText},
		{"angle.txt", []byte("<附件1> 任务清单\n"), FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, tt.name, tt.data)
			if doc.Format != tt.format {
				t.Errorf("Format = %q, want %q", doc.Format, tt.format)
			}
			if doc.Name != tt.name {
				t.Errorf("Name = %q", doc.Name)
			}
		})
	}
}

func TestReadRefuses(t *testing.T) {
	ole := func(stream string) []byte {
		b := append([]byte{}, magicOLE...)
		b = append(b, make([]byte, 504)...)
		return append(b, utf16le(stream)...)
	}
	tests := []struct {
		name  string
		data  []byte
		kind  error
		words []string
	}{
		{"09.doc", testdata(t, "09_sichuan_work_style_implementation_plan_2014.doc"), ErrUnsupported, []string{"Word 97-2003", "另存为 .docx"}},
		{"10.xls", testdata(t, "10_meeting_affairs_workflow_checklist_template.xls"), ErrUnsupported, []string{"Excel 97-2003", ".xlsx"}},
		{"secret.docx", ole("EncryptedPackage"), ErrUnsupported, []string{"密码"}},
		{"unknown.doc", ole("Nothing"), ErrUnsupported, []string{"97-2003", "另存为 .docx/.xlsx"}},
		{"scan.docx", []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj"), ErrUnsupported, []string{"PDF", "docx"}},
		{"photo.docx", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrUnsupported, []string{"图片"}},
		{"rtf.doc", []byte(`{\rtf1\ansi 通知}`), ErrUnsupported, []string{"RTF"}},
		{"slides.docx", buildZip(t, part{"ppt/presentation.xml", "<p/>"}), ErrUnsupported, []string{"PowerPoint"}},
		{"open.docx", buildZip(t, part{"mimetype", "application/vnd.oasis.opendocument.text"}, part{"content.xml", "<x/>"}), ErrUnsupported, []string{"OpenDocument"}},
		{"archive.docx", buildZip(t, part{"readme.txt", "hi"}), ErrUnsupported, []string{"zip", "docx"}},
		{"program.doc", append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 200)...), ErrUnsupported, []string{"二进制", "txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(tt.name, tt.data)
			if doc != nil {
				t.Errorf("got a document")
			}
			wantError(t, err, tt.name, tt.kind, tt.words...)
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.txt")
	if err := os.WriteFile(path, []byte("任务一\n任务二\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadFile(path)
	if err != nil || len(doc.Blocks) != 2 || doc.Name != path {
		t.Fatalf("ReadFile = %+v, %v", doc, err)
	}

	_, err = ReadFile(filepath.Join(dir, "missing.docx"))
	wantError(t, err, filepath.Join(dir, "missing.docx"), nil, "无法读取")
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %v does not wrap ErrNotExist", err)
	}

	// A sparse 65 MiB file is refused by its size, without being read.
	big := filepath.Join(dir, "big.docx")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxInputSize + 1<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(big)
	wantError(t, err, big, ErrTooLarge, "64 MiB")
}

func TestReadRealFilesRenamed(t *testing.T) {
	// The OA system named workbooks and documents *.doc; reading must
	// not care.
	for _, name := range []string{"01_sichuan_reform_task_division_table_2015.docx", "07_sichuan_bureau_it_maintenance_items.xlsx"} {
		data := testdata(t, name)
		doc := mustRead(t, "2004officefile745689150304175546.doc", data)
		if !bytes.Contains([]byte(name), []byte(string(doc.Format))) {
			t.Errorf("%s read as %s", name, doc.Format)
		}
	}
}

func TestPanicBecomesError(t *testing.T) {
	_, err := guarded("xlsx", func() (*Doc, error) {
		var cells []string
		return &Doc{Blocks: []Block{{Text: cells[3]}}}, nil // index out of range, as a buggy library might
	})
	if !errors.Is(err, errPanic) {
		t.Fatalf("err = %v", err)
	}
	e := classify("台账.xlsx", FormatXlsx, err)
	wantError(t, e, "台账.xlsx", ErrDamaged, "内部错误")
}
