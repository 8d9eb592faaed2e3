package bulletin

import (
	"strings"

	"github.com/duban/duban/internal/docx"
	"github.com/duban/duban/internal/i18n"
)

// maxChartUnits bounds the ranking chart: the top of a province's
// ranking; the table has all (as on the web page).
const maxChartUnits = 30

// DocChart is one of the bulletin's charts as the .docx draws it, or,
// where it has nothing to draw, the sentence that says so.
type DocChart struct {
	Chart docx.Chart
	Empty string
}

// DocCharts are the web page's four charts (webdeps.bulletinCharts), in
// zh-CN, as the document draws them: completion and on-time rate by unit,
// the year's monthly overdue tasks and notices, the notices by level, and
// the ranking's totals.
func (b *Bulletin) DocCharts() []DocChart {
	say := func(key string) string { return i18n.Lookup(i18n.ZhCN, key) }
	var out []DocChart
	units := docx.Chart{Title: say("bulletin.chart.units"), Kind: docx.Bar, Max: 100, Format: `0.0"%"`,
		Series: []docx.Series{{Name: say("bulletin.series.completion")}, {Name: say("bulletin.series.on_time"), Color: docx.Palette[1]}}}
	for _, u := range b.ByUnit {
		units.Categories = append(units.Categories, u.Unit)
		units.Series[0].Values = append(units.Series[0].Values, u.Completion)
		units.Series[1].Values = append(units.Series[1].Values, u.OnTimeRate)
	}
	out = append(out, docChart(units, len(units.Categories) == 0, say("bulletin.chart.units_empty")))
	trend := docx.Chart{Title: say("bulletin.chart.trend"), Kind: docx.Line,
		Series: []docx.Series{{Name: say("bulletin.series.notices"), Kind: docx.Column, Color: docx.Palette[0]},
			{Name: say("bulletin.series.overdue"), Color: docx.Palette[3]}}}
	seen := false
	for _, t := range b.Trend {
		trend.Categories = append(trend.Categories, t.Label)
		trend.Series[0].Values = append(trend.Series[0].Values, float64(t.Notices))
		trend.Series[1].Values = append(trend.Series[1].Values, float64(t.Overdue))
		seen = seen || t.Notices > 0 || t.Overdue > 0
	}
	out = append(out, docChart(trend, !seen, say("bulletin.chart.trend_empty")))
	levels := docx.Chart{Title: say("bulletin.chart.notices"), Kind: docx.Pie, Series: []docx.Series{{Name: say("bulletin.series.notice_count")}}}
	for _, l := range b.Notices {
		levels.Categories = append(levels.Categories, l.Label)
		levels.Series[0].Values = append(levels.Series[0].Values, float64(l.N))
		levels.Colors = append(levels.Colors, levelColor(l.Label))
	}
	out = append(out, docChart(levels, len(levels.Categories) == 0, say("bulletin.chart.notices_empty")))
	totals := docx.Chart{Title: say("bulletin.chart.ranking"), Kind: docx.Bar, Max: 100, Format: "0.00", Series: []docx.Series{{Name: say("bulletin.series.total")}}}
	for i, r := range b.Ranking {
		if i == maxChartUnits {
			break
		}
		totals.Categories = append(totals.Categories, r.Unit)
		totals.Series[0].Values = append(totals.Series[0].Values, r.Total)
	}
	out = append(out, docChart(totals, len(totals.Categories) == 0, say("bulletin.chart.ranking_empty")))
	return out
}

func docChart(c docx.Chart, empty bool, why string) DocChart {
	if empty {
		return DocChart{Chart: c, Empty: why}
	}
	return DocChart{Chart: c}
}

// draw adds a chart to d, or its sentence where it has nothing to draw.
func (c DocChart) draw(d *docx.Doc) {
	if c.Empty != "" {
		d.Body(c.Chart.Title + "：" + c.Empty)
		return
	}
	d.Chart(c.Chart)
}

// levelColor is a 督办单 level's slice: its colour where its name says one
// (蓝色, 黄色, 红色督办单), the palette's otherwise.
func levelColor(label string) string {
	for _, c := range []struct{ word, rgb string }{{"蓝", "2563EB"}, {"黄", "F5B800"}, {"橙", "F97316"}, {"红", "DC2626"}, {"挂牌", "7C3AED"}} {
		if strings.Contains(label, c.word) {
			return c.rgb
		}
	}
	return ""
}
