package webdeps

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
	unitnames "github.com/duban/duban/internal/units"

	"github.com/duban/duban/internal/web"
)

// dashboard is the leaders' dashboard over the ledger's counts.
type dashboard struct{ d *Deps }

// lightColors are the lights' colours, red to blue, as the task list shows them.
var lightColors = []string{"#b42318", "#d4a106", "#17794a", "#2a62ad"}

func (s *dashboard) View(ctx context.Context) (*web.DashboardView, error) {
	p, _, err := s.d.caller(ctx)
	if err != nil {
		return nil, err
	}
	dash, err := s.d.Portal.Dashboard(ctx, p)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	d := dash.Ledger
	v := &web.DashboardView{At: dash.At, Total: d.All.Total(), Closed: d.All.Blue, Red: d.All.Red, Yellow: d.All.Yellow, OpenNotices: d.OpenNotices}
	if v.Total > 0 {
		v.Completion = float64(int(float64(d.All.Blue)*1000/float64(v.Total)+0.5)) / 10
	}
	for _, o := range d.Overdue {
		v.Overdue = append(v.Overdue, web.OverdueView{TaskID: o.ID, Title: o.Title, Units: unitsText(o.Units), Days: int(dash.Today.Sub(o.NextDue).Hours() / 24)})
	}
	worst := func(a, b records.GroupLights) int {
		return cmp.Or(cmp.Compare(b.Red, a.Red), cmp.Compare(b.Yellow, a.Yellow))
	}
	units := slices.Clone(d.ByUnit)
	unitnames.SortByPinyin(units, func(g records.GroupLights) string { return g.Name }) // ties in pinyin order
	slices.SortStableFunc(units, worst)
	for _, u := range units {
		v.Units = append(v.Units, lightRow(u, fmt.Sprintf("/tasks?unit=%d&light=red", u.ID)))
	}
	plans := slices.Clone(d.ByPlan)
	slices.SortFunc(plans, worst)
	for _, p := range plans {
		v.Plans = append(v.Plans, lightRow(p, fmt.Sprintf("/tasks?plan=%d&light=red", p.ID)))
	}
	v.Charts = dashboardCharts(i18n.FromContext(ctx), d, units, plans, dash.Today)
	if c := dash.Citizens; c != nil {
		v.Citizens = &web.PublicFigures{TicketsOpen: c.TicketsOpen, TicketsOverdue: c.TicketsOverdue, RequestsOpen: c.RequestsOpen,
			RequestsLate: c.RequestsLate, IncidentsRunning: c.IncidentsRunning, IncidentsLate: c.IncidentsLate}
	}
	return v, nil
}

func lightRow(g records.GroupLights, href string) web.LightRow {
	return web.LightRow{ID: g.ID, Name: g.Name, Red: g.Red, Yellow: g.Yellow, Green: g.Green, Blue: g.Blue, Href: href}
}

// stacked is a stacked bar of the lights of the first n groups.
func stacked(loc i18n.Localizer, groups []records.GroupLights, n int) chartSpec {
	spec := chartSpec{Kind: "bar", Horizontal: true, Stack: true, Colors: lightColors,
		Series: []chartSeries{{Name: loc.T("dashboard.series.red")}, {Name: loc.T("dashboard.series.yellow")},
			{Name: loc.T("dashboard.series.green")}, {Name: loc.T("dashboard.series.closed")}}}
	for i, g := range groups {
		if i == n {
			break
		}
		spec.X = append(spec.X, g.Name)
		for j, c := range []int{g.Red, g.Yellow, g.Green, g.Blue} {
			spec.Series[j].Data = append(spec.Series[j].Data, float64(c))
		}
	}
	return spec
}

// dashboardCharts are the overall lights, the plans' and the worst units'
// lights, and the year's supervision month by month up to today's month
// (every month drawn, so that a year without a 催办 still has its axes).
func dashboardCharts(loc i18n.Localizer, d *records.Dashboard, units, plans []records.GroupLights, today time.Time) []web.Chart {
	all := chartSpec{Kind: "pie", X: []string{loc.T("dashboard.series.red"), loc.T("dashboard.series.yellow"),
		loc.T("dashboard.series.green"), loc.T("dashboard.series.closed")}, Colors: lightColors,
		Series: []chartSeries{{Name: loc.T("dashboard.series.tasks"), Data: []float64{float64(d.All.Red), float64(d.All.Yellow), float64(d.All.Green), float64(d.All.Blue)}}}}
	trend := chartSpec{Kind: "line", Series: []chartSeries{{Name: loc.T("dashboard.series.press")}, {Name: loc.T("dashboard.series.notices"), Kind: "bar"}},
		Max: 4, Empty: loc.T("dashboard.chart.no_supervision")}
	months := map[int][2]float64{}
	last := int(today.Month())
	for _, e := range d.Events {
		m := int(e.Day.Month())
		c := months[m]
		if e.Kind == "press" {
			c[0] += float64(e.N)
		} else {
			c[1] += float64(e.N)
		}
		months[m], last = c, max(last, m)
	}
	for m := 1; m <= last; m++ {
		trend.X = append(trend.X, loc.T("dashboard.month", "m", m))
		trend.Series[0].Data = append(trend.Series[0].Data, months[m][0])
		trend.Series[1].Data = append(trend.Series[1].Data, months[m][1])
	}
	return []web.Chart{
		chart("chart-lights", loc.T("dashboard.chart.lights"), all),
		chart("chart-plans", loc.T("dashboard.chart.plans"), stacked(loc, plans, 15)),
		chart("chart-units", loc.T("dashboard.chart.units"), stacked(loc, units, 20)),
		chart("chart-supervision", loc.T("dashboard.chart.supervision"), trend),
	}
}
