package notice

import (
	"archive/zip"
	"bytes"
	"strings"
)

// DefaultTemplate is the notice duban ships: one A4 page in the layout of
// a 公文 (GB/T 9704-2012): margins 37/35/28/26 mm, 28.95 pt lines,
// 方正小标宋简体 二号 title, 仿宋_GB2312 三号 body; Word and WPS fall back to
// their own 宋体/仿宋 where those fonts are not installed.
func DefaultTemplate() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"word/document.xml", document()},
		{"word/styles.xml", styles},
	} {
		w, err := zw.Create(part.name)
		if err != nil {
			panic(err) // writing to memory
		}
		w.Write([]byte(part.body))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`

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

// document is the notice's body; each paragraph is one run, so that the
// placeholders are easy to see when an office copies it as its template.
func document() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	title := `<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>`
	para(&b, `<w:jc w:val="center"/><w:spacing w:before="0" w:after="240" w:line="579" w:lineRule="exact"/>`, title, "督办通知书")
	para(&b, `<w:jc w:val="center"/>`, "", "（{{级别}}）")
	para(&b, `<w:jc w:val="center"/><w:spacing w:after="480" w:line="579" w:lineRule="exact"/>`, "", "{{文号}}")
	para(&b, "", "", "{{单位}}：")
	indent := `<w:ind w:firstLineChars="200" w:firstLine="640"/>`
	para(&b, indent, "", "《{{方案}}》确定的“{{任务}}”任务应于{{到期日}}前完成，经催办后仍未按期完成。根据督查督办工作有关规定，现予以{{级别}}。")
	para(&b, indent, "", "请你单位高度重视，认真分析原因，落实整改措施，于{{限期}}前完成整改，并通过督办系统报送整改反馈及佐证材料。逾期未反馈的，将按规定升级督办，并纳入年度考核。")
	para(&b, indent, "", "")
	para(&b, `<w:jc w:val="right"/><w:ind w:right="640"/>`, "", "{{发文机关}}")
	para(&b, `<w:jc w:val="right"/><w:ind w:right="640"/>`, "", "{{发文日期}}")
	b.WriteString(`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

func para(b *strings.Builder, pPr, rPr, text string) {
	b.WriteString(`<w:p>`)
	if pPr != "" {
		b.WriteString(`<w:pPr>` + pPr + `</w:pPr>`)
	}
	b.WriteString(`<w:r>` + rPr + `<w:t xml:space="preserve">` + escape(text) + `</w:t></w:r></w:p>`)
}
