package webdeps

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/web"
)

// bulletin is the period's 通报, for whoever may read the ledger.
func (s *assessment) bulletin(ctx context.Context, key string) (*bulletin.Bulletin, ledger.Period, error) {
	_, p, err := s.reader(ctx, key)
	if err != nil {
		return nil, p, err
	}
	b, err := s.d.Assess.Bulletin(ctx, p)
	return b, p, err
}

func (s *assessment) Bulletin(ctx context.Context, key string) (*web.BulletinView, error) {
	b, p, err := s.bulletin(ctx, key)
	if err != nil {
		return nil, err
	}
	return &web.BulletinView{Bulletin: b, Period: p.Key, Periods: s.periodOptions(ctx, p.Key), Charts: bulletinCharts(b)}, nil
}

func (s *assessment) BulletinFile(ctx context.Context, key, format string) (*web.Download, error) {
	b, p, err := s.bulletin(ctx, key)
	if err != nil {
		return nil, err
	}
	var data []byte
	var name, ctype string
	switch format {
	case "docx":
		data, name, ctype = b.Docx(), p.Label+"督查通报.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xlsx":
		if data, err = b.Xlsx(); err != nil {
			return nil, err
		}
		name, ctype = p.Label+"考核明细.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
}

type chartSeries struct {
	Name string    `json:"name"`
	Kind string    `json:"kind,omitempty"`
	Data []float64 `json:"data"`
}

func chart(id, title string, spec chartSpec) web.Chart {
	b, _ := json.Marshal(spec)
	return web.Chart{ID: id, Title: title, Spec: string(b)}
}

// bulletinCharts are the 通报's charts: completion and on-time rate by
// unit, the monthly trend of overdue tasks and notices, the notices by
// level, and the ranking's totals.
func bulletinCharts(b *bulletin.Bulletin) []web.Chart {
	var out []web.Chart
	units := chartSpec{Kind: "bar", Unit: "%", Horizontal: true,
		Series: []chartSeries{{Name: "完成率"}, {Name: "按时完成率"}}}
	for _, u := range b.ByUnit {
		units.X = append(units.X, u.Unit)
		units.Series[0].Data = append(units.Series[0].Data, u.Completion)
		units.Series[1].Data = append(units.Series[1].Data, u.OnTimeRate)
	}
	out = append(out, chart("chart-units", "各单位完成情况", units))
	trend := chartSpec{Kind: "line", Series: []chartSeries{{Name: "月末逾期未完成"}, {Name: "下发督办单", Kind: "bar"}}}
	for _, t := range b.Trend {
		trend.X = append(trend.X, t.Label)
		trend.Series[0].Data = append(trend.Series[0].Data, float64(t.Overdue))
		trend.Series[1].Data = append(trend.Series[1].Data, float64(t.Notices))
	}
	out = append(out, chart("chart-trend", "逾期与督办趋势", trend))
	levels := chartSpec{Kind: "pie", Series: []chartSeries{{Name: "督办单"}}}
	for _, l := range b.Notices {
		levels.X = append(levels.X, l.Label)
		levels.Series[0].Data = append(levels.Series[0].Data, float64(l.N))
	}
	if len(levels.X) > 0 {
		out = append(out, chart("chart-notices", "督办单分级", levels))
	}
	totals := chartSpec{Kind: "bar", Horizontal: true, Series: []chartSeries{{Name: "总分"}}}
	for i, r := range b.Ranking {
		if i == 30 { // the top of a province's ranking; the table has all
			break
		}
		totals.X = append(totals.X, r.Unit)
		totals.Series[0].Data = append(totals.Series[0].Data, r.Total)
	}
	out = append(out, chart("chart-ranking", "考核得分", totals))
	return out
}
