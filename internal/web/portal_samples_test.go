package web

import (
	"time"

	"github.com/duban/duban/internal/portal"
)

// portalSamples are the public pages' sample data, signed out, with
// markup in the texts that come from documents.
func portalSamples(p Page) map[string][]any {
	at := time.Date(2026, 3, 1, 2, 0, 0, 0, time.UTC)
	pct := 40.0
	anon := Page{Lang: p.Lang, LangLinks: p.LangLinks}
	row := PortalTaskRow{ID: 1, PlanID: 1, Path: "一.1", Title: "<b>完善行政决策机制</b>", Units: "市法制办（牵头）", Due: "2026-03-31", Status: "ongoing", Light: "green", Percent: &pct}
	plan := PortalPlanRow{ID: 1, Title: "<i>法治政府建设方案</i>", DocNumber: "嘉政发〔2026〕1号", Issuer: "嘉兴市人民政府", Tasks: 3, Closed: 1, Published: at}
	return map[string][]any{
		"portal": {
			PortalHomePage{Page: anon, PortalHome: &PortalHome{Plans: []PortalPlanRow{plan}, Q: "<热线>", Results: []PortalTaskRow{row}, More: true}},
			PortalHomePage{Page: p, PortalHome: &PortalHome{}},
		},
		"portal_plan": {
			PortalPlanPage{Page: anon, PortalPlan: &PortalPlan{PortalPlanRow: plan, IssuedOn: "2026-01-05", Tasks: []PortalTaskRow{row}, Overdue: 1,
				Units: []portal.UnitStat{{Unit: "<b>市法制办</b>", Tasks: 2, Due: 1, Done: 1, OnTime: 1, Completion: 100, OnTimeRate: 100}, {Unit: "市财政局", Tasks: 1}}}},
		},
		"portal_task": {
			PortalTaskPage{Page: anon, PortalTask: &PortalTask{PortalTaskRow: row, PlanTitle: "<i>方案</i>", Text: "<script>x</script>",
				Milestones: []PortalMilestone{{Text: "制定办法", Due: "2026-06-30", Done: true}, {Text: "<b>全面实施</b>"}},
				History:    []PortalStep{{At: at, Kind: "registered"}, {At: at, Kind: "progress"}}}},
		},
	}
}
