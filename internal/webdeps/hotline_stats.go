package webdeps

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/i18n"

	"github.com/duban/duban/internal/hotline"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
	"github.com/duban/duban/internal/xlsxout"
)

// Stats are the 12345 figures of a period: everyone who reads tickets
// sees the counts; the service decides whose 三率 (a liaison: their own
// units').
func (s *tickets) Stats(ctx context.Context, key string) (*web.TicketStatsView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	return s.stats(ctx, key, func(from, to time.Time) (hotlinesvc.Summary, []hotlinesvc.UnitRates, error) {
		return s.d.Hotline.Stats(ctx, p, from, to)
	})
}

// PublicStats are the same figures for everyone, as the portal publishes
// them: counts and rates only, nothing of any caller.
func (s *tickets) PublicStats(ctx context.Context, key string) (*web.TicketStatsView, error) {
	return s.stats(ctx, key, func(from, to time.Time) (hotlinesvc.Summary, []hotlinesvc.UnitRates, error) {
		return s.d.Hotline.PublicStats(ctx, from, to)
	})
}

func (s *tickets) stats(ctx context.Context, key string, read func(from, to time.Time) (hotlinesvc.Summary, []hotlinesvc.UnitRates, error)) (*web.TicketStatsView, error) {
	today := s.d.Hotline.Now().In(workday.Zone)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	period, err := ledger.PeriodOf("quarter", today)
	if key != "" {
		period, err = ledger.ParsePeriod(key)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", web.ErrNotFound, err)
	}
	// The period's civil days in China, as instants.
	from := time.Date(period.Start.Year(), period.Start.Month(), period.Start.Day(), 0, 0, 0, 0, workday.Zone)
	to := time.Date(period.End.Year(), period.End.Month(), period.End.Day(), 0, 0, 0, 0, workday.Zone).AddDate(0, 0, 1)
	sum, rates, err := read(from.UTC(), to.UTC())
	if err != nil {
		return nil, refused(ctx, err)
	}
	v := &web.TicketStatsView{Period: period.Key, Label: period.Label, Periods: periodOptions(today, today.Year()-1, period.Key),
		Received: sum.Received, Overdue: sum.Overdue}
	for _, t := range hotline.Types {
		v.ByType = append(v.ByType, web.Count{Label: i18n.FromContext(ctx).Code("hotline.type", string(t), t.Label()), N: sum.ByType[t]})
	}
	for _, st := range states {
		if n := sum.ByState[st]; n > 0 {
			v.ByState = append(v.ByState, web.Count{Label: i18n.FromContext(ctx).Code("hotline.state", string(st), st.Label()), N: n})
		}
	}
	for _, r := range rates { // the most tickets first, then by name
		v.Units = append(v.Units, web.UnitRates{Unit: r.Unit, Tickets: r.Tickets, OnTime: r.OnTime, Visited: r.Visited, Solved: r.Solved,
			Liked: r.Liked, Response: 100 * r.Response, Resolution: 100 * r.Resolution, Satisfaction: 100 * r.Satisfaction})
	}
	v.Charts = ticketCharts(i18n.FromContext(ctx), v)
	return v, nil
}

// ticketCharts are the period's tickets by type and the units' 三率.
func ticketCharts(loc i18n.Localizer, v *web.TicketStatsView) []web.Chart {
	if v.Received == 0 {
		return nil
	}
	types := chartSpec{Kind: "pie", Series: []chartSeries{{Name: loc.T("tickets.series.tickets")}}}
	for _, c := range v.ByType {
		if c.N > 0 {
			types.X = append(types.X, c.Label)
			types.Series[0].Data = append(types.Series[0].Data, float64(c.N))
		}
	}
	out := []web.Chart{chart("chart-types", loc.T("tickets.chart.types"), types)}
	if len(v.Units) > 0 {
		rates := chartSpec{Kind: "bar", Unit: "%", Horizontal: true,
			Series: []chartSeries{{Name: loc.T("tickets.series.response")}, {Name: loc.T("tickets.series.solved")}, {Name: loc.T("tickets.series.satisfied")}}}
		for i, u := range v.Units {
			if i == 30 { // the busiest units; the table has all
				break
			}
			rates.X = append(rates.X, u.Unit)
			rates.Series[0].Data = append(rates.Series[0].Data, round1(u.Response))
			rates.Series[1].Data = append(rates.Series[1].Data, round1(u.Resolution))
			rates.Series[2].Data = append(rates.Series[2].Data, round1(u.Satisfaction))
		}
		out = append(out, chart("chart-rates", loc.T("tickets.chart.rates"), rates))
	}
	return out
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

// StatsFile is the period's figures as a workbook: the 三率 by unit and
// the tickets by type and state.
func (s *tickets) StatsFile(ctx context.Context, key string) (*web.Download, error) {
	v, err := s.Stats(ctx, key)
	if err != nil {
		return nil, err
	}
	loc := i18n.FromContext(ctx)
	rates := xlsxout.Sheet{Name: loc.T("tickets.xlsx.rates"), Header: strings.Split(loc.T("tickets.xlsx.rates_header"), "|"),
		Widths: []float64{28, 10, 10, 12, 8, 8, 12, 14, 12}}
	for _, u := range v.Units {
		rates.Rows = append(rates.Rows, []any{u.Unit, u.Tickets, u.OnTime, round1(u.Response), u.Visited, u.Solved, round1(u.Resolution), u.Liked,
			round1(u.Satisfaction)})
	}
	counts := xlsxout.Sheet{Name: loc.T("tickets.xlsx.counts"), Header: strings.Split(loc.T("tickets.xlsx.counts_header"), "|"), Widths: []float64{10, 16, 10}}
	total := loc.T("tickets.xlsx.total")
	counts.Rows = append(counts.Rows, []any{total, loc.T("tickets.xlsx.received"), v.Received}, []any{total, loc.T("tickets.xlsx.overdue"), v.Overdue})
	for _, c := range v.ByType {
		counts.Rows = append(counts.Rows, []any{loc.T("tickets.xlsx.type"), c.Label, c.N})
	}
	for _, c := range v.ByState {
		counts.Rows = append(counts.Rows, []any{loc.T("tickets.xlsx.state"), c.Label, c.N})
	}
	data, err := xlsxout.Write([]xlsxout.Sheet{rates, counts})
	if err != nil {
		return nil, err
	}
	return &web.Download{Filename: loc.T("tickets.xlsx.filename", "period", v.Label), ContentType: xlsxType, ModTime: s.d.Hotline.Now(),
		Body: nopSeekCloser{bytes.NewReader(data)}}, nil
}
