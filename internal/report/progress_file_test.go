package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReadProgressFileErrors(t *testing.T) {
	exported := writeLedgerBytes(t, sampleMeta, SliceRows(sampleRows()))
	xls, err := os.ReadFile("testdata/ledger-97-2003.xls") // the sample ledger saved as .xls by LibreOffice
	if err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	tests := []struct {
		name   string
		data   []byte
		is     error
		reason string // part of the Chinese reason
	}{
		{"随机.xlsx", random, ErrNotXLSX, "不是 Excel .xlsx 文件"},
		{"空.xlsx", nil, ErrNotXLSX, "不是 Excel .xlsx 文件"},
		{"台账.xls", xls, ErrNotXLSX, "Excel 97-2003 (.xls)"},
		{"导出.csv", []byte("序号,重点任务,任务编号\n1,x,101\n"), ErrNotXLSX, "不是 Excel .xlsx 文件"},
		{"截断.xlsx", exported[:len(exported)/2], ErrNotXLSX, "已损坏"},
		{"别的.zip", zipOf(t, map[string]string{"readme.txt": "hi"}), ErrNotXLSX, "已损坏"},
		{"无表头.xlsx", buildWorkbook(t, func(f *excelize.File) {
			setCells(t, f, "Sheet1", map[string]any{"A1": "序号", "B1": "重点任务", "C1": "备注"})
		}), ErrNoHeader, "没有找到台账表头"},
		{"无编号.xlsx", buildWorkbook(t, func(f *excelize.File) {
			setCells(t, f, "Sheet1", map[string]any{"A1": "序号", "B1": "重点任务", "C1": "进展情况", "C2": "已完成"})
		}), ErrNoHeader, "没有「任务编号」列"},
		{"表头太低.xlsx", buildWorkbook(t, func(f *excelize.File) {
			setCells(t, f, "Sheet1", map[string]any{"A40": "任务编号", "B40": "进展情况"})
		}), ErrNoHeader, "没有找到台账表头"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadProgress(bytes.NewReader(tt.data), tt.name)
			if got != nil {
				t.Errorf("updates = %v", got)
			}
			var fe *FileError
			if !errors.As(err, &fe) || !errors.Is(err, tt.is) {
				t.Fatalf("err = %v, want a *FileError wrapping %v", err, tt.is)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.name) || !strings.Contains(msg, tt.reason) {
				t.Errorf("message %q should name the file and say %q", msg, tt.reason)
			}
			if tt.is == ErrNoHeader && !strings.Contains(err.Error(), "任务编号") {
				t.Errorf("message %q should say which header is expected", err)
			}
		})
	}
}

func TestReadProgressTooLarge(t *testing.T) {
	big := bytes.NewReader(append([]byte("PK\x03\x04"), make([]byte, maxImportBytes)...))
	if _, err := ReadProgress(big, "大.xlsx"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

// zipOf builds a zip holding the given files.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// FuzzReadProgress feeds damaged and arbitrary files to the importer: it
// must return updates or an error, never panic, and never an update
// without text or task.
func FuzzReadProgress(f *testing.F) {
	exported := writeLedgerBytes(f, sampleMeta, SliceRows(sampleRows()))
	f.Add(exported)
	f.Add(exported[:len(exported)-100])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadProgress(bytes.NewReader(data), "fuzz.xlsx")
		if err != nil {
			return
		}
		for _, u := range got {
			if u.TaskID <= 0 || u.Text == "" || (u.Percent != nil && (*u.Percent < 0 || *u.Percent > 100)) {
				t.Fatalf("bad update %+v", u)
			}
		}
	})
}
