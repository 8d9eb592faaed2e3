// Package docx writes Word documents in the layout of a 公文 (GB/T
// 9704-2012): A4, margins 37/35/28/26 mm, 28.95 pt lines, 方正小标宋简体
// 二号 titles, 黑体 headings, 仿宋_GB2312 三号 body, tables in 仿宋 四号.
// The font table names each font's fallback (仿宋_GB2312 → 仿宋, 方正小标宋简体
// → 华文中宋, …) for machines without it. Text is escaped; nothing a user
// typed becomes markup.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Doc is a document being written, paragraph by paragraph.
type Doc struct {
	b strings.Builder
	// grid: the body keeps to the 公文 grid of 22 lines of 28 characters
	// (set by Letterhead). The 22 lines are the exact 28.95 pt spacing in
	// the 225 mm text area; the 28 characters need runs a quarter point
	// narrower (tight), since 28 characters of 16 pt are 448 pt and the
	// line 442.2.
	grid bool
	// charts are the chart parts, in order: chart n is charts[n-1].
	charts []string
}

// tight narrows every run of a gridded document: w:spacing in twentieths
// of a point. Word's character grid (w:docGrid) would do it in Word, but
// LibreOffice reads its pitch otherwise (15 characters a line) and snaps
// every paragraph to whole lines, so the grid is kept by spacing.
const tight = `<w:spacing w:val="-5"/>`

// New starts a document.
func New() *Doc {
	d := &Doc{}
	d.b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body>`)
	return d
}

// Run properties of the 公文 fonts.
const (
	TitleFont   = `<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/>`
	HeadingFont = `<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:eastAsia="黑体"/>`
	TableFont   = `<w:sz w:val="28"/><w:szCs w:val="28"/>`
	// Indent is the body's first-line indent of two characters.
	Indent = `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
)

// Para adds a paragraph of one run; pPr and rPr are the paragraph's and
// the run's properties (without their wrapping elements), text is escaped.
func (d *Doc) Para(pPr, rPr, text string) {
	if d.grid {
		rPr += tight
	}
	d.b.WriteString(para(pPr, rPr, text))
}

func para(pPr, rPr, text string) string {
	var b strings.Builder
	b.WriteString(`<w:p>`)
	if pPr != "" {
		b.WriteString(`<w:pPr>` + pPr + `</w:pPr>`)
	}
	b.WriteString(`<w:r>`)
	if rPr != "" {
		b.WriteString(`<w:rPr>` + rPr + `</w:rPr>`)
	}
	b.WriteString(`<w:t xml:space="preserve">` + Escape(text) + `</w:t></w:r></w:p>`)
	return b.String()
}

// Title adds the document's title, centred; a long one on lines that
// each fit and are broken where the words allow (TitleLines).
func (d *Doc) Title(text string) {
	rPr := TitleFont
	if d.grid {
		rPr += tight
	}
	d.b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="0" w:after="240" w:line="579" w:lineRule="exact"/></w:pPr>`)
	for i, line := range TitleLines(text) {
		d.b.WriteString(`<w:r><w:rPr>` + rPr + `</w:rPr>`)
		if i > 0 {
			d.b.WriteString(`<w:br/>`)
		}
		d.b.WriteString(`<w:t xml:space="preserve">` + Escape(line) + `</w:t></w:r>`)
	}
	d.b.WriteString(`</w:p>`)
}

// Centered adds a centred line (a 文号, a subtitle).
func (d *Doc) Centered(text string) { d.Para(`<w:jc w:val="center"/>`, "", text) }

// Heading adds a first-level heading (一、…) in 黑体.
func (d *Doc) Heading(text string) { d.Para(Indent, HeadingFont, text) }

// Body adds a body paragraph with its first-line indent.
func (d *Doc) Body(text string) { d.Para(Indent, "", text) }

// Right adds a right-aligned line (the issuer, the date).
func (d *Doc) Right(text string) { d.Para(`<w:jc w:val="right"/><w:ind w:right="640"/>`, "", text) }

// Table adds a bordered table: the header row in 黑体, every cell in 四号
// with single lines, columns sized by Word.
func (d *Doc) Table(header []string, rows [][]string) {
	b := &d.b
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		b.WriteString(`<w:` + side + ` w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
	}
	b.WriteString(`</w:tblBorders></w:tblPr>`)
	writeRow := func(cells []string, header bool) {
		b.WriteString(`<w:tr>`)
		if header {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		rPr := TableFont
		if header {
			rPr = HeadingFont + TableFont
		}
		for _, c := range cells {
			b.WriteString(`<w:tc><w:tcPr><w:vAlign w:val="center"/></w:tcPr>`)
			b.WriteString(para(`<w:spacing w:line="400" w:lineRule="exact"/><w:jc w:val="center"/>`, rPr, c))
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	writeRow(header, true)
	for _, r := range rows {
		writeRow(r, false)
	}
	b.WriteString(`</w:tbl>`)
	d.Para("", "", "") // Word needs a paragraph after a table
}

// Red is the colour of the 红头: the 发文机关标志 and the rule under it.
const Red = "FF0000"

// Letterhead adds the 版头 of GB/T 9704-2012 (7.2): the 发文机关标志 mark
// centred in red 小标宋 with its top edge 35 mm below the text area's,
// as large as fits the line (at most 小初, 36 pt); the 发文字号 number
// centred two empty lines under it; and 4 mm under the number the red
// 分隔线, as wide as the text area. The document then keeps to the grid
// of 22 lines of 28 characters.
func (d *Doc) Letterhead(mark, number string) {
	d.grid = true
	size := MarkSize(mark)
	// The mark's line is exact at its size, so that its top edge stands
	// where the spacing before it puts it: 35 mm is 1984 twips.
	d.Para(fmt.Sprintf(`<w:jc w:val="center"/><w:spacing w:before="1984" w:after="0" w:line="%d" w:lineRule="exact"/>`, size*20),
		fmt.Sprintf(`<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:color w:val="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/>`, Red, size*2, size*2), mark)
	d.Para("", "", "")
	d.Para("", "", "")
	// The rule is the number's bottom border: 4 mm (11 pt) under its
	// line, 1.5 pt thick (w:sz is in eighths of a point).
	d.Para(`<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="11" w:color="`+Red+`"/></w:pBdr><w:jc w:val="center"/>`, "", number)
	d.Para("", "", "") // the title stands a line below the rule
}

// MarkSize is the 发文机关标志's size in points: 小初 (36 pt) where the
// mark fits the 156 mm line at that size, else the largest whole size
// that fits, so that a long 机关 name stays on one line.
func MarkSize(mark string) int {
	n := utf8.RuneCountInString(mark)
	if n == 0 {
		return 36
	}
	return min(36, textWidthPt/n)
}

// textWidthPt is the text area's width in points: 210 mm less the 28 and
// 26 mm margins, 8844 twips.
const textWidthPt = 8844 / 20

// Bytes closes the document and returns the .docx file.
func (d *Doc) Bytes() []byte {
	d.b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`)
	d.b.WriteString(`</w:body></w:document>`)
	return Package(d.b.String(), d.charts...)
}

// Package zips a document.xml with the parts every .docx needs: content
// types with an override for each part, the package relationship, the
// document's relationships (without them Word and LibreOffice ignore the
// styles: 10.5 pt text, not 仿宋 三号), the styles of the 公文 body, the
// settings, and a font table that names a fallback for each 公文 font;
// and the charts, if any, which the document calls on by Doc.Chart's
// relationship ids.
func Package(document string, charts ...string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range Parts(document, charts...) {
		w, err := zw.Create(part.Name)
		if err != nil {
			panic(err) // writing to memory
		}
		w.Write([]byte(part.Body))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Part is one file of the package.
type Part struct{ Name, Body string }

// Parts are the package's files, in the order they are zipped.
func Parts(document string, charts ...string) []Part {
	types, rels := contentTypes, documentRels
	var chartParts []Part
	for i, c := range charts {
		name := chartPart(i + 1)
		types += `<Override PartName="/` + name + `" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` + "\n"
		rels += `<Relationship Id="` + chartRel(i+1) + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="` + strings.TrimPrefix(name, "word/") + `"/>` + "\n"
		chartParts = append(chartParts, Part{name, c})
	}
	return append([]Part{
		{"[Content_Types].xml", types + "</Types>"},
		{"_rels/.rels", packageRels},
		{"word/document.xml", document},
		{"word/_rels/document.xml.rels", rels + "</Relationships>"},
		{"word/styles.xml", styles},
		{"word/settings.xml", settings},
		{"word/fontTable.xml", FontTable()},
	}, chartParts...)
}

// Fallbacks name, for each font of the 公文, the faces Word, WPS and
// LibreOffice use where it is not installed: the Windows and macOS faces
// of the same design, so that title, headings and body keep their look.
var Fallbacks = []struct {
	Name    string
	AltName string   // w:altName: the first fallback
	Others  []string // further faces of the same design, in the table too
}{
	{"仿宋_GB2312", "仿宋", []string{"FangSong", "STFangsong"}},
	{"方正小标宋简体", "华文中宋", []string{"STZhongsong", "宋体", "SimSun"}},
	{"黑体", "SimHei", []string{"STHeiti"}},
	{"楷体_GB2312", "楷体", []string{"KaiTi", "STKaiti"}},
}

// FontTable is word/fontTable.xml: each 公文 font with its fallback as
// w:altName, then the fallbacks themselves, all GB2312 faces.
func FontTable() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	font := func(name, alt, family, pitch string) {
		b.WriteString(`<w:font w:name="` + Escape(name) + `">`)
		if alt != "" {
			b.WriteString(`<w:altName w:val="` + Escape(alt) + `"/>`)
		}
		b.WriteString(`<w:charset w:val="86"/><w:family w:val="` + family + `"/><w:pitch w:val="` + pitch + `"/></w:font>`)
	}
	seen := map[string]bool{}
	for _, f := range Fallbacks {
		family := "roman"
		if f.Name == "黑体" {
			family = "modern"
		}
		font(f.Name, f.AltName, family, "fixed")
		seen[f.Name] = true
	}
	for _, f := range Fallbacks {
		for _, n := range append([]string{f.AltName}, f.Others...) {
			if !seen[n] {
				font(n, "", "auto", "variable")
				seen[n] = true
			}
		}
	}
	b.WriteString(`<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`)
	b.WriteString(`</w:fonts>`)
	return b.String()
}

// Escape makes text safe inside an element.
func Escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
`

// documentRels is word/_rels/document.xml.rels, open for the charts'
// links: the document's links to its styles, settings and font table.
const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
`

// settings: Chinese punctuation compressed as Word does for 公文, and no
// grid snapping, so that the exact 28.95 pt line spacing holds.
const settings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:defaultTabStop w:val="420"/>
<w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
</w:settings>`

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`

// styles sets the body font: 仿宋_GB2312 三号 (16 pt), fixed 28.95 pt lines.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:line="579" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
</w:styles>`
