package docx

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ChartKind is how a chart or one of its series is drawn.
type ChartKind string

// The kinds of chart a document may hold.
const (
	Bar    ChartKind = "bar"    // horizontal bars, the first category on top
	Column ChartKind = "column" // vertical bars
	Line   ChartKind = "line"
	Pie    ChartKind = "pie"
)

// Chart is a chart the office suite draws from its figures: a DrawingML
// chart part (word/charts/chartN.xml), so that Word, WPS and LibreOffice
// draw it in their own fonts, Chinese labels included, and it stays a
// chart, not a picture. The figures are held in the part (literals); no
// workbook is embedded.
type Chart struct {
	Title      string
	Kind       ChartKind
	Categories []string
	Series     []Series
	// Max fixes the value axis's top (100 for a percentage); 0 leaves it
	// to the suite. Format is the values' number format (Excel's: "0.00",
	// `0.0"%"`); empty is General.
	Max    float64
	Format string
	// Colors colour a pie's slices, one per category; empty takes the
	// palette's in turn.
	Colors []string
}

// Series is one row of figures, one per category. Kind draws it other
// than the chart (bars under a line), where the chart is a Line or a
// Column.
type Series struct {
	Name   string
	Kind   ChartKind
	Values []float64
	Color  string // RRGGBB; empty takes the palette's next
}

// Palette are the series' colours: the web page's.
var Palette = []string{"2563EB", "16A34A", "F59E0B", "DC2626", "7C3AED", "0891B2", "DB2777", "65A30D"}

// chartWidth is the text area's width in EMU (156 mm).
const chartWidth = 156 * 36000

// Chart adds a chart as a paragraph of its own, centred, as wide as the
// text area; a bar chart grows with its categories.
func (d *Doc) Chart(c Chart) {
	d.charts = append(d.charts, c.xml())
	n := len(d.charts)
	height := 80 * 36000
	if c.Kind == Bar {
		height = min(max(60, 20+len(c.Categories)*len(c.Series)*5), 200) * 36000
	}
	fmt.Fprintf(&d.b, `<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:before="120" w:after="120" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:drawing>`+
		`<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`+
		`<wp:docPr id="%d" name="图表 %d" descr="%s"/><wp:cNvGraphicFramePr/>`+
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">`+
		`<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="%s"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		chartWidth, height, n, n, escapeAttr(c.Title), chartRel(n))
}

// chartRel is the relationship id of the document's n-th chart; rId1–3
// are the styles, settings and font table.
func chartRel(n int) string { return "rIdChart" + strconv.Itoa(n) }

// chartPart is the n-th chart's part name.
func chartPart(n int) string { return "word/charts/chart" + strconv.Itoa(n) + ".xml" }

func (c Chart) xml() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.WriteString(`<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>`)
	b.WriteString(`<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="0">` + chartFont("黑体") + `</a:rPr><a:t>` + Escape(c.Title) + `</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`)
	b.WriteString(`<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>`)
	format := cmp.Or(c.Format, "General")
	if c.Kind == Pie {
		b.WriteString(`<c:pieChart><c:varyColors val="1"/>`)
		for i, s := range c.Series {
			c.series(&b, i, s, format, true)
		}
		b.WriteString(`<c:firstSliceAng val="0"/></c:pieChart></c:plotArea>`)
	} else {
		// Bars first, lines over them; all on the same two axes.
		var bars, lines []int
		for i, s := range c.Series {
			if kind := cmpKind(s.Kind, c.Kind); kind == Line {
				lines = append(lines, i)
			} else {
				bars = append(bars, i)
			}
		}
		if len(bars) > 0 {
			dir := "col"
			if c.Kind == Bar {
				dir = "bar"
			}
			b.WriteString(`<c:barChart><c:barDir val="` + dir + `"/><c:grouping val="clustered"/><c:varyColors val="0"/>`)
			for _, i := range bars {
				c.series(&b, i, c.Series[i], format, false)
			}
			b.WriteString(`<c:gapWidth val="60"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>`)
		}
		if len(lines) > 0 {
			b.WriteString(`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>`)
			for _, i := range lines {
				c.series(&b, i, c.Series[i], format, false)
			}
			b.WriteString(`<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`)
		}
		catPos, valPos, orient, crosses := "b", "l", "minMax", "autoZero"
		if c.Kind == Bar {
			// The first category on top; the value axis then crosses at
			// the last, at the bottom.
			catPos, valPos, orient, crosses = "l", "b", "maxMin", "max"
		}
		b.WriteString(`<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="` + orient + `"/></c:scaling><c:delete val="0"/><c:axPos val="` + catPos + `"/>` +
			`<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
			`<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`)
		b.WriteString(`<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/>`)
		if c.Max > 0 {
			b.WriteString(`<c:max val="` + num(c.Max) + `"/>`)
		}
		// Counts of a few step by one: no 0.5 of a task on the axis.
		unit := ""
		if c.counts() {
			unit = `<c:majorUnit val="1"/>`
		}
		b.WriteString(`<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="` + valPos + `"/>` +
			`<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
			`<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
			`<c:crossAx val="1001"/><c:crosses val="` + crosses + `"/><c:crossBetween val="between"/>` + unit + `</c:valAx></c:plotArea>`)
	}
	b.WriteString(`<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>`)
	// Labels in 仿宋, 10.5 pt (五号).
	b.WriteString(`<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1050">` + chartFont("仿宋_GB2312") + `</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`)
	b.WriteString(`</c:chartSpace>`)
	return b.String()
}

// series writes one c:ser: its name, colour (a pie's slices take the
// palette's in turn), the values labelled, the categories and values.
func (c Chart) series(b *strings.Builder, i int, s Series, format string, pie bool) {
	fmt.Fprintf(b, `<c:ser><c:idx val="%d"/><c:order val="%d"/><c:tx><c:v>%s</c:v></c:tx>`, i, i, Escape(s.Name))
	color := s.Color
	if color == "" {
		color = Palette[i%len(Palette)]
	}
	line := cmpKind(s.Kind, c.Kind) == Line
	switch {
	case pie:
		for p := range s.Values {
			color := Palette[p%len(Palette)]
			if p < len(c.Colors) && c.Colors[p] != "" {
				color = c.Colors[p]
			}
			fmt.Fprintf(b, `<c:dPt><c:idx val="%d"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="%s"/></a:solidFill></c:spPr></c:dPt>`, p, color)
		}
	case line:
		b.WriteString(`<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="` + color + `"/></a:solidFill></a:ln></c:spPr>` +
			`<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="` + color + `"/></a:solidFill></c:spPr></c:marker>`)
	default:
		b.WriteString(`<c:spPr><a:solidFill><a:srgbClr val="` + color + `"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`)
	}
	b.WriteString(`<c:dLbls><c:numFmt formatCode="` + escapeAttr(format) + `" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`)
	if !pie && !line {
		b.WriteString(`<c:dLblPos val="outEnd"/>`)
	}
	b.WriteString(`<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`)
	fmt.Fprintf(b, `<c:cat><c:strLit><c:ptCount val="%d"/>`, len(c.Categories))
	for p, cat := range c.Categories {
		fmt.Fprintf(b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, p, Escape(cat))
	}
	fmt.Fprintf(b, `</c:strLit></c:cat><c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val="%d"/>`, len(s.Values))
	for p, v := range s.Values {
		fmt.Fprintf(b, `<c:pt idx="%d"><c:v>%s</c:v></c:pt>`, p, num(v))
	}
	b.WriteString(`</c:numLit></c:val>`)
	if line {
		b.WriteString(`<c:smooth val="0"/>`)
	}
	b.WriteString(`</c:ser>`)
}

// cmpKind is a series' kind: its own, or the chart's.
func cmpKind(own, chart ChartKind) ChartKind {
	if own != "" {
		return own
	}
	return chart
}

func chartFont(face string) string {
	return `<a:latin typeface="` + face + `"/><a:ea typeface="` + face + `"/>`
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// counts: every value a whole number, none above 10.
func (c Chart) counts() bool {
	if c.Max > 0 {
		return false
	}
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v != math.Trunc(v) || v > 10 {
				return false
			}
		}
	}
	return true
}

// escapeAttr makes text safe inside a double-quoted attribute.
func escapeAttr(s string) string { return strings.ReplaceAll(Escape(s), `"`, "&quot;") }
