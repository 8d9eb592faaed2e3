package docread

import (
	"bytes"
	"strings"
	"testing"
)

// Throughput of the readers on realistic input. Record results with:
//
//	go test -bench . -run x ./internal/docread/

func BenchmarkReadText(b *testing.B) {
	line := "（一）加强组织领导。牵头单位：县政府办公室；责任单位：各乡镇人民政府；完成时限：2024年6月30日前。\r\n"
	data := []byte(strings.Repeat(line, 20000)) // about 3 MB
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadTextGB18030(b *testing.B) {
	line := "（一）加强组织领导。牵头单位：县政府办公室；责任单位：各乡镇人民政府；完成时限：2024年6月30日前。\r\n"
	data := encode(b, gb18030(), strings.Repeat(line, 20000))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadDocx(b *testing.B) {
	// The real 06 (216 paragraphs) and a synthetic document of numbered
	// paragraphs and a 2,000-row merged table.
	b.Run("real", func(b *testing.B) {
		data := testdata(b, "06_sichuan_wugeyipi_poverty_action_plans_2015.docx")
		benchDocx(b, data)
	})
	b.Run("synthetic", func(b *testing.B) {
		var body bytes.Buffer
		for range 2000 {
			body.WriteString(numP(1, 0, "加强组织领导，明确责任分工，确保各项任务按时保质完成。"))
		}
		body.WriteString("<w:tbl>")
		for i := range 2000 {
			merge := `<w:vMerge/>`
			if i%10 == 0 {
				merge = `<w:vMerge w:val="restart"/>`
			}
			body.WriteString(tr(tc(merge, "经济发展"), tc("", "招商引资项目落地"), tc(`<w:gridSpan w:val="2"/>`, "商务局"), tc("", "2024年6月底")))
		}
		body.WriteString("</w:tbl>")
		xml := body.String()
		data := docx(b, xml, numberingPart(map[int]string{0: lvl(0, 1, "chineseCounting", "%1、")}, num(1, 0)))
		benchDocx(b, data)
	})
}

// benchDocx reports throughput in bytes of inflated document.xml, the
// work the reader does, rather than of the compressed file.
func benchDocx(b *testing.B, data []byte) {
	p, err := openPkg(data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(p.files["word/document.xml"].UncompressedSize64))
	for b.Loop() {
		if _, err := Read("bench.docx", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadXlsx(b *testing.B) {
	data := testdata(b, "07_sichuan_bureau_it_maintenance_items.xlsx")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.xlsx", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHTML(b *testing.B) {
	data := []byte(strings.Repeat(govPage, 50))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Read("bench.html", data); err != nil {
			b.Fatal(err)
		}
	}
}
