package docread

import (
	"bytes"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const planText = "关于印发《2024年重点工作任务分解方案》的通知\r\n" +
	"一、加强组织领导（牵头单位：县政府办，完成时限：2024年6月30日前）\r\n" +
	"二、强化督查考核\r\n"

var planLines = []string{
	"关于印发《2024年重点工作任务分解方案》的通知",
	"一、加强组织领导（牵头单位：县政府办，完成时限：2024年6月30日前）",
	"二、强化督查考核",
}

func TestTextEncodings(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	tests := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf-8", []byte(planText), "utf-8"},
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), planText...), "utf-8"},
		{"gb18030", encode(t, simplifiedchinese.GB18030, planText), "gb18030"},
		{"gbk", encode(t, simplifiedchinese.GBK, planText), "gb18030"},
		{"utf-16le with BOM", append([]byte{0xFF, 0xFE}, encode(t, utf16le, planText)...), "utf-16le"},
		{"utf-16be with BOM", append([]byte{0xFE, 0xFF}, encode(t, utf16be, planText)...), "utf-16be"},
		{"utf-16le without BOM", encode(t, utf16le, planText), "utf-16le"},
		{"utf-16be without BOM", encode(t, utf16be, planText), "utf-16be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, "plan.txt", tt.data)
			if doc.Format != FormatText || doc.Encoding != tt.enc {
				t.Errorf("format %q encoding %q, want text %q", doc.Format, doc.Encoding, tt.enc)
			}
			if got := texts(doc); !slices.Equal(got, planLines) {
				t.Errorf("got %q", got)
			}
		})
	}
}

func TestTextBig5(t *testing.T) {
	s := "關於印發《重點工作任務分解方案》的通知\n一、加強組織領導，責任單位：縣政府辦公室\n"
	doc := mustRead(t, "big5.txt", encode(t, traditionalchinese.Big5, s))
	if doc.Encoding != "big5" {
		t.Fatalf("Encoding = %q", doc.Encoding)
	}
	if got := texts(doc); !slices.Equal(got, []string{"關於印發《重點工作任務分解方案》的通知", "一、加強組織領導，責任單位：縣政府辦公室"}) {
		t.Errorf("got %q", got)
	}
}

func TestTextLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"lf", "a\nb", []string{"a", "b"}},
		{"crlf with final newline", "a\r\nb\r\n", []string{"a", "b"}},
		{"blank lines kept", "a\n\n\nb\n", []string{"a", "", "", "b"}},
		{"old mac cr", "a\rb\r", []string{"a", "b"}},
		{"single newline", "\n", []string{""}},
		{"no newline", "一行", []string{"一行"}},
		{"tabs kept", "序号\t事项", []string{"序号\t事项"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(mustRead(t, "t.txt", []byte(tt.in))); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextEmpty(t *testing.T) {
	doc, err := Read("empty.txt", nil)
	if err != nil || doc == nil || len(doc.Blocks) != 0 {
		t.Fatalf("Read(empty) = %v, %v", doc, err)
	}
}

// A 50 MB file with no line break must be read in linear time and with
// memory a small multiple of its size.
func TestTextLongLine(t *testing.T) {
	size := 50 << 20
	if testing.Short() {
		size = 8 << 20
	}
	for _, tc := range []struct {
		name string
		unit []byte
		enc  string
	}{
		{"utf-8", []byte("任务"), "utf-8"},
		{"gb18030", encode(t, simplifiedchinese.GB18030, "任务"), "gb18030"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := bytes.Repeat(tc.unit, size/len(tc.unit))
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc := mustRead(t, "long.txt", data)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if len(doc.Blocks) != 1 || doc.Encoding != tc.enc || !strings.HasPrefix(doc.Blocks[0].Text, "任务任务") {
				t.Fatalf("blocks %d, encoding %q", len(doc.Blocks), doc.Encoding)
			}
			if elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > uint64(6*len(data)) {
				t.Errorf("allocated %d MB for %d MB of input", alloc>>20, len(data)>>20)
			}
		})
	}
}

func TestTextTooLarge(t *testing.T) {
	_, err := Read("huge.txt", make([]byte, maxInputSize+1))
	wantError(t, err, "huge.txt", ErrTooLarge, "64 MiB")
}

func TestTextTooManyLines(t *testing.T) {
	_, err := Read("lines.txt", bytes.Repeat([]byte("\n"), maxBlocks+10))
	wantError(t, err, "lines.txt", ErrTooLarge)
}

func gb18030() encoding.Encoding { return simplifiedchinese.GB18030 }

func TestTextDamagedUTF8(t *testing.T) {
	// One bad byte in a UTF-8 file must not turn it into GB18030 mojibake.
	data := []byte("一、加强组织领导\n二、强化督查\xff考核\n三、严格问责\n")
	doc := mustRead(t, "damaged.txt", data)
	want := []string{"一、加强组织领导", "二、强化督查\uFFFD考核", "三、严格问责"}
	if got := texts(doc); doc.Encoding != "utf-8" || !slices.Equal(got, want) {
		t.Errorf("%s: %q", doc.Encoding, got)
	}
}
