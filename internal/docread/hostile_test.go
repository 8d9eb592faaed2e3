package docread

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// quick fails the test if f takes longer than limit: every hostile input
// must be refused fast, not merely refused.
func quick(t *testing.T, limit time.Duration, f func()) {
	t.Helper()
	start := time.Now()
	f()
	if d := time.Since(start); d > limit {
		t.Errorf("took %v, limit %v", d, limit)
	}
}

// writeBomb streams a .docx whose document.xml is size zero bytes through
// a zip.Writer into a file, never holding the content in memory.
func writeBomb(t *testing.T, size int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bomb.docx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.CopyN(w, zeros{}, size); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func TestZipBomb(t *testing.T) {
	size := int64(300 << 20)
	if testing.Short() {
		size = maxPartSize + 1<<20
	}
	path := writeBomb(t, size)
	if fi, _ := os.Stat(path); fi.Size() > 2<<20 {
		t.Fatalf("bomb is %d bytes; not much of a bomb", fi.Size())
	}
	quick(t, 2*time.Second, func() {
		_, err := ReadFile(path)
		wantError(t, err, path, ErrTooLarge, "压缩炸弹")
	})
}

// lyingBomb builds a zip whose entry declares declared bytes but inflates
// to actual bytes of zeros; extra parts are stored beside it. The deflate stream is one compressed MiB
// repeated: each copy is a self-contained run of blocks, so the copies
// concatenate into a valid stream without compressing 300 MB.
func lyingBomb(t *testing.T, name string, declared, actualMiB int, extra ...part) []byte {
	t.Helper()
	var chunk bytes.Buffer
	fw, _ := flate.NewWriter(&chunk, flate.BestCompression)
	fw.Write(make([]byte, 1<<20))
	fw.Flush()
	var raw bytes.Buffer
	crc := crc32.NewIEEE()
	mib := make([]byte, 1<<20)
	for range actualMiB {
		raw.Write(chunk.Bytes())
		crc.Write(mib)
	}
	raw.Write([]byte{0x03, 0x00}) // a final, empty fixed-Huffman block
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: uint64(declared),
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(raw.Bytes())
	for _, p := range extra {
		w, _ := zw.Create(p.name)
		w.Write([]byte(p.body))
	}
	zw.Close()
	return buf.Bytes()
}

func TestZipBombLyingSize(t *testing.T) {
	for _, tc := range []struct{ name, part string }{
		{"docx", "word/document.xml"},
		{"xlsx", "xl/workbook.xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := lyingBomb(t, tc.part, 1000, 300)
			quick(t, 2*time.Second, func() {
				_, err := Read("bomb."+tc.name, data)
				wantError(t, err, "bomb."+tc.name, nil)
			})
		})
	}
}

// declaredZip builds a zip of empty entries that declare the given
// inflated sizes: enough for limits checked before anything is inflated.
func declaredZip(t *testing.T, sizes map[string]uint64) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, size := range sizes {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CompressedSize64: 2, UncompressedSize64: size})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte{0x03, 0x00})
	}
	zw.Close()
	return buf.Bytes()
}

func TestPartLimits(t *testing.T) {
	tests := []struct {
		name string
		data []byte
	}{
		{"numbering", docx(t, wp("x"), part{"word/numbering.xml", strings.Repeat(" ", maxAuxPartSize+1)})},
		{"xlsx sheet", declaredZip(t, map[string]uint64{"xl/workbook.xml": 10, "xl/worksheets/sheet1.xml": maxPartSize + 1})},
		{"xlsx total", declaredZip(t, map[string]uint64{"xl/workbook.xml": 10, "xl/worksheets/sheet1.xml": maxPartSize,
			"xl/worksheets/sheet2.xml": maxPartSize, "xl/sharedStrings.xml": maxPartSize})},
		{"docx declared", declaredZip(t, map[string]uint64{"word/document.xml": maxPartSize + 1})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("f", tt.data)
			wantError(t, err, "f", ErrTooLarge, "压缩炸弹")
		})
	}
}

func TestCappedReader(t *testing.T) {
	r := newCappedReader(strings.NewReader("12345"), "p", 5)
	if b, err := io.ReadAll(r); err != nil || string(b) != "12345" {
		t.Errorf("at the cap: %q, %v", b, err)
	}
	r = newCappedReader(strings.NewReader("123456"), "p", 5)
	if _, err := io.ReadAll(r); err == nil || !strings.Contains(err.Error(), "inflates beyond") {
		t.Errorf("over the cap: %v", err)
	}
}

func TestDeepXML(t *testing.T) {
	deep := strings.Repeat("<w:p>", 100000) + strings.Repeat("</w:p>", 100000)
	abs := `<w:abstractNum w:abstractNumId="0">` + strings.Repeat("<w:x>", 100000) + strings.Repeat("</w:x>", 100000) + `</w:abstractNum>`
	tests := []struct {
		name string
		data []byte
	}{
		{"document", docx(t, deep)},
		{"numbering", docx(t, wp("x"), part{"word/numbering.xml", `<w:numbering ` + wordNS + `>` + abs + `</w:numbering>`})},
		{"sheet", rawXlsx(t, "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>"+strings.Repeat("<x>", 100000)+strings.Repeat("</x>", 100000))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quick(t, 3*time.Second, func() {
				_, err := Read("deep", tt.data)
				wantError(t, err, "deep", nil)
			})
		})
	}
	_, err := Read("deep.docx", tests[0].data)
	wantError(t, err, "deep.docx", ErrTooLarge, "嵌套")
}

func TestTooManyEntries(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := range maxZipEntries + 1 {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("word/media/%d", i), Method: zip.Store})
		w.Write([]byte{1})
	}
	zw.Close()
	_, err := Read("many.docx", buf.Bytes())
	wantError(t, err, "many.docx", ErrTooLarge, "文件数量过多")
}

func TestTooManyCells(t *testing.T) {
	// 70,000 cells each spanning 64 grid columns: small in the file,
	// 4.5 million cells on the grid.
	row := tr(strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="999"/></w:tcPr></w:tc>`, 70000))
	_, err := Read("wide.docx", docx(t, tbl(row)))
	wantError(t, err, "wide.docx", ErrTooLarge)

	sheet := `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
		`<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>z</t></is></c></row></sheetData>`
	quick(t, 3*time.Second, func() {
		_, err = Read("far.xlsx", rawXlsx(t, sheet))
		wantError(t, err, "far.xlsx", ErrTooLarge)
	})

	var merges strings.Builder
	for range 20000 {
		merges.WriteString(`<mergeCell ref="A1:Z200"/>`)
	}
	sheet = `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>` +
		`<row r="200"><c r="Z200" t="inlineStr"><is><t>z</t></is></c></row></sheetData><mergeCells>` + merges.String() + `</mergeCells>`
	quick(t, 3*time.Second, func() {
		_, err = Read("merges.xlsx", rawXlsx(t, sheet))
		wantError(t, err, "merges.xlsx", ErrTooLarge)
	})
}

func TestHTMLHugeSpans(t *testing.T) {
	page := "<table>" + strings.Repeat(`<tr>`+strings.Repeat(`<td colspan="1000" rowspan="65534">x</td>`, 100)+`</tr>`, 100) + "</table>"
	quick(t, 3*time.Second, func() {
		if _, err := Read("span.html", []byte(page)); err != nil {
			t.Errorf("Read: %v", err)
		}
	})
}

func TestTruncatedAndCorrupted(t *testing.T) {
	for _, name := range []string{"01_sichuan_reform_task_division_table_2015.docx", "07_sichuan_bureau_it_maintenance_items.xlsx"} {
		data := testdata(t, name)
		for cut := 0; cut < len(data); cut += len(data)/40 + 1 {
			if cut == 0 {
				continue
			}
			_, err := Read("cut", data[:cut])
			wantError(t, err, "cut", nil)
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for range 40 {
			b := bytes.Clone(data)
			for range 8 {
				b[rng.IntN(len(b))] ^= byte(1 + rng.IntN(255))
			}
			if doc, err := Read("flipped", b); err == nil && doc == nil {
				t.Fatal("nil document without error")
			}
		}
	}
}

func TestRandomBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	prefixes := [][]byte{nil, magicZip, magicOLE, []byte("\xEF\xBB\xBF<html>"), []byte{0xFF, 0xFE}}
	for i := range 200 {
		b := make([]byte, rng.IntN(4096)+256)
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		b = append(bytes.Clone(prefixes[i%len(prefixes)]), b...)
		doc, err := Read("random", b)
		if err == nil && doc == nil {
			t.Fatal("nil document without error")
		}
		if i%len(prefixes) == 0 && err == nil {
			t.Errorf("%d random bytes read as %s", len(b), doc.Format)
		}
	}
}
