package web

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/i18n"
)

// TestChartEmptyState: a chart with nothing to show keeps its drawing
// area (the script draws the axes) and says so in words under it, which a
// reader without scripts sees too; a chart with data says nothing more.
func TestChartEmptyState(t *testing.T) {
	p := Page{Lang: i18n.ZhCN, User: &CurrentUser{ID: 1, Username: "ducha", Role: RoleOffice}}
	out := renderSample(t, i18n.ZhCN, "dashboard", DashboardPage{Page: p, DashboardView: &DashboardView{Charts: []Chart{
		{ID: "chart-supervision", Title: "本年督办趋势", Spec: `{"kind":"line","x":["1月"],"series":[{"name":"催办","data":[0]}],"max":4,"empty":"本年还没有催办或督办单。"}`, Empty: "本年还没有催办或督办单。"},
		{ID: "chart-lights", Title: "全部任务红黄灯", Spec: `{"kind":"pie","x":["红灯"],"series":[{"name":"任务","data":[2]}]}`},
	}}})
	for _, want := range []string{`<div class="chart" id="chart-supervision"`, `<p class="muted small chart-empty">本年还没有催办或督办单。</p>`, `id="chart-lights"`} {
		if !strings.Contains(out, want) {
			t.Errorf("%s not in the page", want)
		}
	}
	if n := strings.Count(out, "chart-empty"); n != 1 {
		t.Errorf("%d empty notes, want 1 (the pie has data)", n)
	}
}

// TestBulletinFlagsCounted: the 通报 page says how many tasks need
// attention and links to every overdue task in the list.
func TestBulletinFlagsCounted(t *testing.T) {
	p := Page{Lang: i18n.ZhCN, User: &CurrentUser{ID: 1, Username: "ducha", Role: RoleOffice}}
	flags := []bulletin.Flag{{TaskID: 3, Title: "建设政务热线"}, {TaskID: 4, Title: "事业单位登记"}, {TaskID: 5, Title: "综合行政执法"}}
	out := renderSample(t, i18n.ZhCN, "assess_bulletin", BulletinPage{Page: p, BulletinView: &BulletinView{Period: "2026-Q2", Bulletin: &bulletin.Bulletin{Flags: flags}}})
	for _, want := range []string{"共 3 项：本年逾期仍未完成的任务", `<a href="/tasks?light=red">在任务清单中查看全部逾期任务</a>`,
		`<a href="/tasks/3">建设政务热线</a>`, `<a href="/tasks/4">事业单位登记</a>`, `<a href="/tasks/5">综合行政执法</a>`} {
		if !strings.Contains(out, want) {
			t.Errorf("%s not in the page", want)
		}
	}
}
