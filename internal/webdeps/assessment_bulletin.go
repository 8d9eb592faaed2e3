package webdeps

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/supervise"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/web"
)

// bulletin is the period's 通报, for whoever may read the ledger.
func (s *assessment) Bulletin(ctx context.Context, key, groupKey string) (*web.BulletinView, error) {
	pr, p, err := s.reader(ctx, key)
	if err != nil {
		return nil, err
	}
	group, err := s.group(groupKey)
	if err != nil {
		return nil, err
	}
	b, err := s.d.Assess.GroupBulletin(ctx, pr, p, group)
	if err != nil {
		return nil, groupError(ctx, err)
	}
	groups, groupName, err := s.groupOptions(ctx, pr, group)
	if err != nil {
		return nil, err
	}
	// The page names the bulletin in the reader's language; the document
	// (.docx) keeps the title it is issued under.
	loc := i18n.FromContext(ctx)
	shown := *b
	shown.Title = loc.T("bulletin.title", "period", p.Label)
	if groupName != "" {
		shown.Title = loc.T("bulletin.title_group", "period", p.Label, "group", groupName)
	}
	shown.Flags = make([]bulletin.Flag, len(b.Flags))
	for i, f := range b.Flags {
		f.Units, f.Why = f.In(loc.T)
		shown.Flags[i] = f
	}
	return &web.BulletinView{Bulletin: &shown, Period: p.Key, Periods: s.periodOptions(ctx, p.Key), Groups: groups, Group: groupKey,
		Charts: bulletinCharts(loc, b)}, nil
}

func (s *assessment) BulletinFile(ctx context.Context, key, groupKey, format string) (*web.Download, error) {
	if format != "docx" && format != "xlsx" {
		return nil, fmt.Errorf("%w: format %q", web.ErrNotFound, format)
	}
	pr, p, err := s.reader(ctx, key)
	if err != nil {
		return nil, err
	}
	group, err := s.group(groupKey)
	if err != nil {
		return nil, err
	}
	_, actor, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	b, err := s.d.Assess.BulletinDownload(ctx, pr, actor, p, group, format)
	if err != nil {
		return nil, groupError(ctx, err)
	}
	var data []byte
	var name, ctype string
	loc := i18n.FromContext(ctx)
	switch format {
	case "docx":
		data, name, ctype = b.Docx(), loc.T("bulletin.file.docx", "period", p.Label), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xlsx":
		if data, err = b.Xlsx(); err != nil {
			return nil, err
		}
		name, ctype = loc.T("bulletin.file.xlsx", "period", p.Label), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	default:
		return nil, fmt.Errorf("%w: format %q", web.ErrNotFound, format)
	}
	return &web.Download{Filename: name, ContentType: ctype, ModTime: s.d.Assess.Now(), Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}

// nopSeekCloser serves bytes in memory as a download.
type nopSeekCloser struct{ *bytes.Reader }

func (nopSeekCloser) Close() error { return nil }

var _ io.ReadSeekCloser = nopSeekCloser{}

// chartSpec is the data one chart draws (see static/charts.js).
type chartSpec struct {
	Kind       string        `json:"kind"`
	X          []string      `json:"x"`
	Series     []chartSeries `json:"series"`
	Unit       string        `json:"unit,omitempty"`
	Horizontal bool          `json:"horizontal,omitempty"`
	Stack      bool          `json:"stack,omitempty"`
	Colors     []string      `json:"colors,omitempty"`
	// Max is the value axis's top when every value is 0, so that an empty
	// chart still has a readable scale (0–100 % rather than 0–1 %).
	Max float64 `json:"max,omitempty"`
	// Empty is said over the drawn axes when the chart has nothing to show.
	Empty string `json:"empty,omitempty"`
}

// blank reports whether the spec has no value other than 0.
func (c chartSpec) blank() bool {
	for _, s := range c.Series {
		for _, v := range s.Data {
			if v != 0 {
				return false
			}
		}
	}
	return true
}

type chartSeries struct {
	Name string    `json:"name"`
	Kind string    `json:"kind,omitempty"`
	Data []float64 `json:"data"`
}

func chart(id, title string, spec chartSpec) web.Chart {
	if !spec.blank() {
		spec.Empty = ""
	}
	b, _ := json.Marshal(spec)
	return web.Chart{ID: id, Title: title, Spec: string(b), Empty: spec.Empty}
}

// bulletinCharts are the 通报's charts: completion and on-time rate by
// unit, the monthly trend of overdue tasks and notices, the notices by
// level, and the ranking's totals.
func bulletinCharts(loc i18n.Localizer, b *bulletin.Bulletin) []web.Chart {
	var out []web.Chart
	units := chartSpec{Kind: "bar", Unit: "%", Horizontal: true, Max: 100,
		Series: []chartSeries{{Name: loc.T("bulletin.series.completion")}, {Name: loc.T("bulletin.series.on_time")}}}
	for _, u := range b.ByUnit {
		units.X = append(units.X, u.Unit)
		units.Series[0].Data = append(units.Series[0].Data, u.Completion)
		units.Series[1].Data = append(units.Series[1].Data, u.OnTimeRate)
	}
	if len(units.X) == 0 { // units at 0 % are figures, not an empty chart
		units.Empty = loc.T("bulletin.chart.units_empty")
	}
	out = append(out, chart("chart-units", loc.T("bulletin.chart.units"), units))
	trend := chartSpec{Kind: "line", Max: 4, Empty: loc.T("bulletin.chart.trend_empty"),
		Series: []chartSeries{{Name: loc.T("bulletin.series.overdue")}, {Name: loc.T("bulletin.series.notices"), Kind: "bar"}}}
	for _, t := range b.Trend {
		trend.X = append(trend.X, t.Label)
		trend.Series[0].Data = append(trend.Series[0].Data, float64(t.Overdue))
		trend.Series[1].Data = append(trend.Series[1].Data, float64(t.Notices))
	}
	out = append(out, chart("chart-trend", loc.T("bulletin.chart.trend"), trend))
	levels := chartSpec{Kind: "pie", Empty: loc.T("bulletin.chart.notices_empty"), Series: []chartSeries{{Name: loc.T("bulletin.series.notice_count")}}}
	for _, l := range b.Notices {
		levels.X = append(levels.X, supervise.LabelIn(loc.T, l.Label))
		levels.Series[0].Data = append(levels.Series[0].Data, float64(l.N))
	}
	// Drawn with no notice too: the page has its four charts, the empty
	// one saying why.
	out = append(out, chart("chart-notices", loc.T("bulletin.chart.notices"), levels))
	totals := chartSpec{Kind: "bar", Horizontal: true, Max: 100, Series: []chartSeries{{Name: loc.T("bulletin.series.total")}}}
	for i, r := range b.Ranking {
		if i == 30 { // the top of a province's ranking; the table has all
			break
		}
		totals.X = append(totals.X, r.Unit)
		totals.Series[0].Data = append(totals.Series[0].Data, r.Total)
	}
	if len(totals.X) == 0 {
		totals.Empty = loc.T("bulletin.chart.ranking_empty")
	}
	out = append(out, chart("chart-ranking", loc.T("bulletin.chart.ranking"), totals))
	return out
}
