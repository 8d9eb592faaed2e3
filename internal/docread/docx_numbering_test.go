package docread

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		format string
		n      int
		want   string
	}{
		{"decimal", 7, "7"},
		{"chineseCounting", 1, "一"},
		{"chineseCounting", 10, "十"},
		{"chineseCounting", 11, "十一"},
		{"chineseCounting", 20, "二十"},
		{"chineseCounting", 21, "二十一"},
		{"chineseCounting", 100, "一百"},
		{"chineseCounting", 101, "一百零一"},
		{"chineseCounting", 110, "一百一十"},
		{"chineseCounting", 1005, "一千零五"},
		{"chineseCountingThousand", 10000, "一万"},
		{"chineseCountingThousand", 100000, "十万"},
		{"chineseCountingThousand", 10050, "一万零五十"},
		{"chineseLegalSimplified", 12, "壹拾贰"},
		{"japaneseCounting", 16, "十六"},
		{"japaneseCounting", 110, "百十"},
		{"ideographTraditional", 1, "甲"},
		{"ideographTraditional", 11, "甲"},
		{"decimalEnclosedCircle", 3, "③"},
		{"decimalEnclosedCircle", 20, "⑳"},
		{"decimalEnclosedCircle", 21, "21"},
		{"decimalEnclosedParen", 2, "⑵"},
		{"decimalFullWidth", 12, "１２"},
		{"decimalZero", 5, "05"},
		{"lowerLetter", 1, "a"},
		{"lowerLetter", 27, "aa"},
		{"upperLetter", 3, "C"},
		{"lowerRoman", 4, "iv"},
		{"upperRoman", 1994, "MCMXCIV"},
		{"zeroPad3", 7, "007"},
		{"none", 3, ""},
		{"somethingNew", 3, "3"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// lvl writes one w:lvl.
func lvl(ilvl, start int, format, text string, extra ...string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/></w:lvl>`,
		ilvl, start, format, strings.Join(extra, ""), text)
}

// numberingPart writes numbering.xml from abstractNums and nums.
func numberingPart(abstracts map[int]string, nums ...string) part {
	s := `<w:numbering ` + wordNS + `>`
	for id := range len(abstracts) + 5 {
		if body, ok := abstracts[id]; ok {
			s += fmt.Sprintf(`<w:abstractNum w:abstractNumId="%d">%s</w:abstractNum>`, id, body)
		}
	}
	return part{"word/numbering.xml", s + strings.Join(nums, "") + `</w:numbering>`}
}

func num(numID, absID int, overrides ...string) string {
	return fmt.Sprintf(`<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>`, numID, absID, strings.Join(overrides, ""))
}

func TestDocxNumbering(t *testing.T) {
	nothing := `<w:suff w:val="nothing"/>`
	// abstractNum 0: the levels of a typical 实施方案:
	// 一、 / （一） / 1. / （1）
	outline := lvl(0, 1, "chineseCounting", "%1、", nothing) +
		lvl(1, 1, "chineseCounting", "（%2）", nothing) +
		lvl(2, 1, "decimal", "%3.", nothing) +
		lvl(3, 1, "decimal", "（%4）", nothing)
	tests := []struct {
		name   string
		abs    map[int]string
		nums   []string
		styles string
		body   string
		want   []string
	}{
		{
			name: "article numbers 第一条 … 第十二条",
			abs:  map[int]string{0: lvl(0, 1, "japaneseCounting", "第%1条")},
			nums: []string{num(1, 0)},
			body: strings.Repeat(numP(1, 0, "x"), 12),
			want: []string{"第一条 x", "第二条 x", "第三条 x", "第四条 x", "第五条 x", "第六条 x", "第七条 x", "第八条 x", "第九条 x", "第十条 x", "第十一条 x", "第十二条 x"},
		},
		{
			name: "levels reset below a higher level",
			abs:  map[int]string{0: outline},
			nums: []string{num(1, 0)},
			body: numP(1, 0, "总体要求") + numP(1, 1, "指导思想") + numP(1, 1, "基本原则") + numP(1, 2, "坚持") +
				numP(1, 0, "重点任务") + numP(1, 1, "加强") + numP(1, 2, "完善") + numP(1, 3, "细则") + numP(1, 2, "健全"),
			want: []string{"一、总体要求", "（一）指导思想", "（二）基本原则", "1.坚持", "二、重点任务", "（一）加强", "1.完善", "（1）细则", "2.健全"},
		},
		{
			name: "typed and automatic numbers mixed, start values",
			abs:  map[int]string{0: lvl(0, 3, "chineseCounting", "%1、", nothing), 1: lvl(0, 1, "chineseCounting", "%1、", nothing)},
			nums: []string{num(1, 1), num(3, 0)},
			body: numP(1, 0, "主要工作") + wp("二、设计变更工作") + numP(3, 0, "验收工作") + wp("四、其他"),
			want: []string{"一、主要工作", "二、设计变更工作", "三、验收工作", "四、其他"},
		},
		{
			name: "counters continue across the document, unnumbered paragraphs between",
			abs:  map[int]string{0: lvl(0, 1, "decimal", "%1.")},
			nums: []string{num(1, 0)},
			body: numP(1, 0, "a") + wp("正文") + tbl(tr(tc("", "表"))) + numP(1, 0, "b"),
			want: []string{"1. a", "正文", "[table]", "2. b"},
		},
		{
			name: "multi-level text %1.%2 and isLgl",
			abs: map[int]string{0: lvl(0, 1, "chineseCounting", "%1、") + lvl(1, 1, "decimal", "%1.%2") +
				lvl(2, 1, "decimal", "%1.%2.%3", `<w:isLgl/>`)},
			nums: []string{num(1, 0)},
			body: numP(1, 0, "a") + numP(1, 1, "b") + numP(1, 1, "c") + numP(1, 2, "d"),
			want: []string{"一、 a", "一.1 b", "一.2 c", "1.2.1 d"},
		},
		{
			name: "startOverride restarts a list that shares its definition",
			abs:  map[int]string{0: lvl(0, 1, "decimal", "%1、", nothing)},
			nums: []string{num(1, 0), num(2, 0), num(3, 0, `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`)},
			body: numP(1, 0, "a") + numP(1, 0, "b") + numP(2, 0, "c") + numP(3, 0, "d") + numP(3, 0, "e"),
			want: []string{"1、a", "2、b", "3、c", "1、d", "2、e"},
		},
		{
			name: "lvlOverride with a whole new level",
			abs:  map[int]string{0: lvl(0, 1, "decimal", "%1.")},
			nums: []string{num(1, 0, `<w:lvlOverride w:ilvl="0">`+lvl(0, 5, "decimalEnclosedCircle", "%1", nothing)+`</w:lvlOverride>`)},
			body: numP(1, 0, "a") + numP(1, 0, "b"),
			want: []string{"⑤a", "⑥b"},
		},
		{
			name: "bullets and unknown lists have no label",
			abs:  map[int]string{0: lvl(0, 1, "bullet", "\uF06C")},
			nums: []string{num(1, 0)},
			body: numP(1, 0, "要点") + numP(7, 0, "无此列表") + numP(0, 0, "numId 0"),
			want: []string{"要点", "无此列表", "numId 0"},
		},
		{
			name:   "numbering through the paragraph style and its parent",
			abs:    map[int]string{0: lvl(0, 1, "chineseCounting", "第%1章", nothing) + lvl(1, 1, "chineseCounting", "第%2节", nothing)},
			nums:   []string{num(4, 0)},
			styles: `<w:style w:type="paragraph" w:styleId="ChapterBase"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>` + `<w:style w:type="paragraph" w:styleId="Chapter"><w:basedOn w:val="ChapterBase"/></w:style>` + `<w:style w:type="paragraph" w:styleId="Section"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>`,
			body: `<w:p><w:pPr><w:pStyle w:val="Chapter"/></w:pPr><w:r><w:t>总则</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="Section"/></w:pPr><w:r><w:t>目标</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="Chapter"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>附则</w:t></w:r></w:p>` +
				`<w:p><w:pPr><w:pStyle w:val="Chapter"/></w:pPr><w:r><w:t>考核</w:t></w:r></w:p>`,
			want: []string{"第一章总则", "第一节目标", "附则", "第二章考核"},
		},
		{
			name:   "style level chosen by the level's pStyle",
			abs:    map[int]string{0: lvl(0, 1, "chineseCounting", "%1、", nothing) + lvl(1, 1, "chineseCounting", "（%2）", nothing, `<w:pStyle w:val="H2"/>`)},
			nums:   []string{num(1, 0)},
			styles: `<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`,
			body:   `<w:p><w:pPr><w:pStyle w:val="H2"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`,
			want:   []string{"（一）x"},
		},
		{
			name: "Word 2010 custom zero-padded format over its fallback",
			abs: map[int]string{0: `<w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">` +
				`<w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback>` +
				`</mc:AlternateContent><w:suff w:val="nothing"/><w:lvlText w:val="%1 "/></w:lvl>`},
			nums: []string{num(1, 0)},
			body: numP(1, 0, "a"),
			want: []string{"001 a"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parts := []part{numberingPart(tt.abs, tt.nums...)}
			if tt.styles != "" {
				parts = append(parts, part{"word/styles.xml", `<w:styles ` + wordNS + `>` + tt.styles + `</w:styles>`})
			}
			doc := mustRead(t, "n.docx", docx(t, tt.body, parts...))
			if got := texts(doc); !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestDocxNumberedCell(t *testing.T) {
	abs := map[int]string{0: lvl(0, 1, "decimal", "%1.", `<w:suff w:val="nothing"/>`)}
	body := tbl(tr("<w:tc>" + numP(1, 0, "甲") + numP(1, 0, "乙") + "</w:tc>"))
	doc := mustRead(t, "n.docx", docx(t, body, numberingPart(abs, num(1, 0))))
	if got := tables(doc)[0][0][0]; got != "1.甲\n2.乙" {
		t.Errorf("cell = %q", got)
	}
}
