package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Fonts. Offices print titles in 方正小标宋 or 黑体 and text in 宋体, but
// 方正小标宋 is missing from many machines, so the title asks for 黑体, which
// every Chinese Windows and WPS has. Charset 134 (GB2312) tells Excel and
// LibreOffice to substitute a CJK font where the named one is absent.
const (
	fontHeading = "黑体"
	fontBody    = "宋体"
)

var charsetGB2312 = 134

// statusFills maps a light to the fill and font colour of the 状态 cell:
// the traffic-light colours offices already use in their own sheets.
var statusFills = map[string]struct{ fill, font string }{
	"red":    {"FF0000", "FFFFFF"}, // 逾期
	"yellow": {"FFC000", "000000"}, // 临期
	"green":  {"00B050", "FFFFFF"}, // 推进中
	"blue":   {"5B9BD5", "FFFFFF"}, // 已销号
	"gray":   {"D9D9D9", "000000"}, // 未启动 and anything not yet judged
}

// ledgerStyles holds the style IDs a ledger uses. StreamWriter needs every
// style created before the first row is written.
type ledgerStyles struct {
	title, subtitle, header int
	text, center, percent   int
	date, band              int
	status                  map[string]int // by light
}

// styleDef pairs a style with the field that receives its ID.
type styleDef struct {
	id    *int
	style excelize.Style
}

// ledgerDateFormat shows dates the way they are written in reports.
const ledgerDateFormat = "yyyy-mm-dd"

// newLedgerStyles registers the ledger's styles with f.
func newLedgerStyles(f *excelize.File) (*ledgerStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1},
	}
	body := func(horizontal string) excelize.Style {
		return excelize.Style{
			Font:      &excelize.Font{Family: fontBody, Size: 11, Charset: &charsetGB2312},
			Border:    border,
			Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "top", WrapText: true},
		}
	}
	dateFmt := ledgerDateFormat
	s := &ledgerStyles{status: make(map[string]int, len(statusFills))}
	var defs []styleDef
	add := func(id *int, st excelize.Style) { defs = append(defs, styleDef{id, st}) }

	add(&s.title, excelize.Style{
		Font:      &excelize.Font{Family: fontHeading, Size: 18, Bold: true, Charset: &charsetGB2312},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	add(&s.subtitle, excelize.Style{
		Font:      &excelize.Font{Family: fontBody, Size: 10, Color: "404040", Charset: &charsetGB2312},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true},
	})
	add(&s.header, excelize.Style{
		Font:      &excelize.Font{Family: fontHeading, Size: 11, Bold: true, Charset: &charsetGB2312},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Border:    border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	add(&s.text, body("left"))
	add(&s.center, body("center"))
	pct := body("center")
	pct.NumFmt = 9 // 0%: the value is a fraction, so Excel's own % arithmetic works
	add(&s.percent, pct)
	date := body("center")
	date.CustomNumFmt = &dateFmt
	add(&s.date, date)
	band := body("left")
	band.Font = &excelize.Font{Family: fontHeading, Size: 11, Bold: true, Charset: &charsetGB2312}
	band.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	// No wrap, so the plan's name runs on across the empty cells beside it.
	band.Alignment = &excelize.Alignment{Horizontal: "left", Vertical: "center"}
	add(&s.band, band)

	statusIDs := make(map[string]*int, len(statusFills))
	for light, c := range statusFills {
		st := body("center")
		st.Font = &excelize.Font{Family: fontBody, Size: 11, Bold: true, Color: c.font, Charset: &charsetGB2312}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c.fill}}
		statusIDs[light] = new(int)
		add(statusIDs[light], st)
	}

	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return nil, fmt.Errorf("report: creating a ledger style: %w", err)
		}
		*d.id = id
	}
	for light, id := range statusIDs {
		s.status[light] = *id
	}
	return s, nil
}

// statusStyle picks the 状态 cell's style; an unknown light gets no colour
// rather than a wrong one.
func (s *ledgerStyles) statusStyle(light string) int {
	if id, ok := s.status[light]; ok {
		return id
	}
	return s.center
}
