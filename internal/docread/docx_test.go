package docread

import (
	"slices"
	"testing"
)

func TestDocxParagraphs(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"plain", wp("一、总体要求") + wp("") + wp("二、重点任务"), []string{"一、总体要求", "", "二、重点任务"}},
		{"runs join", `<w:p><w:r><w:t>牵头</w:t></w:r><w:r><w:t>单位</w:t></w:r></w:p>`, []string{"牵头单位"}},
		{"tab and break", `<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>`, []string{"a\tb\nc"}},
		{"tab stops are not tabs", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`, []string{"x"}},
		{"insertion kept, deletion dropped",
			`<w:p><w:r><w:t>完成时限：</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>2014年</w:delText></w:r></w:del>` +
				`<w:ins w:id="2" w:author="a"><w:r><w:t>2015年</w:t></w:r></w:ins></w:p>`,
			[]string{"完成时限：2015年"}},
		{"moved text counted once",
			`<w:p><w:moveFrom w:id="1"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:moveTo w:id="2"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>`,
			[]string{"新位置"}},
		{"deleted paragraph mark joins paragraphs",
			`<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>` + wp("后半句。"),
			[]string{"前半句，后半句。"}},
		{"field code dropped, result kept",
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			[]string{"3"}},
		{"hidden text dropped",
			`<w:p><w:r><w:t>看得见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也看得见</w:t></w:r></w:p>`,
			[]string{"看得见也看得见"}},
		{"old formatting of a tracked change ignored",
			`<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`,
			[]string{"x"}},
		{"text box read once, before its paragraph",
			`<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + wp("框内") + `</w:txbxContent></w:drawing></mc:Choice>` +
				`<mc:Fallback><w:pict><w:txbxContent>` + wp("框内") + `</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>`,
			[]string{"框内", "正文"}},
		{"structured document tag content", `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>` + wp("标题") + `</w:sdtContent></w:sdt>`, []string{"标题"}},
		{"entities", wp("A&amp;B &lt;C&gt;"), []string{"A&B <C>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, "t.docx", docx(t, tt.body))
			if doc.Format != FormatDocx {
				t.Fatalf("Format = %q", doc.Format)
			}
			if got := texts(doc); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDocxCommentsIgnored(t *testing.T) {
	comments := part{"word/comments.xml", `<w:comments ` + wordNS + `><w:comment w:id="0" w:author="审稿人"><w:p><w:r><w:t>请核实数据</w:t></w:r></w:p></w:comment></w:comments>`}
	body := `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>到2020年全部退出</w:t></w:r><w:commentRangeEnd w:id="0"/>` +
		`<w:r><w:commentReference w:id="0"/></w:r></w:p>`
	doc := mustRead(t, "c.docx", docx(t, body, comments))
	if got := texts(doc); !slices.Equal(got, []string{"到2020年全部退出"}) {
		t.Errorf("got %q", got)
	}
}

func TestDocxTables(t *testing.T) {
	tests := []struct {
		name string
		body string
		want [][]string
	}{
		{
			"gridSpan and vMerge",
			tbl(
				tr(tc("", "序号"), tc("", "事项"), tc("", "责任单位")),
				tr(tc("", "1"), tc("", "安全生产专项整治"), tc(`<w:vMerge w:val="restart"/>`, "荷城街道")),
				tr(tc("", "2"), tc("", "城市更新"), tc(`<w:vMerge/>`)),
				tr(tc(`<w:gridSpan w:val="3"/>`, "合计：2项")),
			),
			[][]string{{"序号", "事项", "责任单位"}, {"1", "安全生产专项整治", "荷城街道"}, {"2", "城市更新", "荷城街道"}, {"合计：2项", "合计：2项", "合计：2项"}},
		},
		{
			"vMerge across a spanning cell and gridBefore",
			tbl(
				tr(tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, "牵头"), tc("", "a")),
				tr(tc(`<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>`), tc("", "b")),
				`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>`+tc("", "c")+`</w:tr>`,
			),
			[][]string{{"牵头", "牵头", "a"}, {"牵头", "牵头", "b"}, {"", "", "c"}},
		},
		{
			"paragraphs in a cell joined, blank ends trimmed",
			tbl(tr(tc("", "", "规划处", "社扶处", ""), tc("", "x"))),
			[][]string{{"规划处\n社扶处", "x"}},
		},
		{
			"nested table flattened into its cell",
			tbl(tr(tc("", "外"), "<w:tc>"+wp("说明")+tbl(tr(tc("", "甲"), tc("", "乙")), tr(tc("", "丙"), tc("", "")))+"</w:tc>")),
			[][]string{{"外", "说明\n甲\t乙\n丙"}},
		},
		{
			"short rows padded",
			tbl(tr(tc("", "a"), tc("", "b"), tc("", "c")), tr(tc("", "d"))),
			[][]string{{"a", "b", "c"}, {"d", "", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustRead(t, "t.docx", docx(t, wp("前")+tt.body+wp("后")))
			if got := texts(doc); !slices.Equal(got, []string{"前", "[table]", "后"}) {
				t.Fatalf("blocks %q", got)
			}
			got := tables(doc)[0]
			if len(got) != len(tt.want) {
				t.Fatalf("rows = %q, want %q", got, tt.want)
			}
			for i := range got {
				if !slices.Equal(got[i], tt.want[i]) {
					t.Errorf("row %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestDocxMainPartByContentType(t *testing.T) {
	// A producer that names its main part differently is found through
	// [Content_Types].xml.
	data := buildZip(t,
		part{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		part{"word/document2.xml", `<w:document ` + wordNS + `><w:body>` + wp("正文") + `</w:body></w:document>`},
	)
	doc := mustRead(t, "odd.docx", data)
	if got := texts(doc); !slices.Equal(got, []string{"正文"}) {
		t.Errorf("got %q", got)
	}
}

func TestDocxUTF16Part(t *testing.T) {
	xml := `<?xml version="1.0" encoding="UTF-16"?><w:document ` + wordNS + `><w:body>` + wp("十六位") + `</w:body></w:document>`
	data := buildZip(t, part{"word/document.xml", string(append([]byte{0xFF, 0xFE}, utf16le(xml)...))})
	doc := mustRead(t, "u16.docx", data)
	if got := texts(doc); !slices.Equal(got, []string{"十六位"}) {
		t.Errorf("got %q", got)
	}
}
