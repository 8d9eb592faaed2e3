package web

import (
	"time"

	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
)

// randomSamples are the 双随机 pages' sample data, with markup in what
// staff type and in what a directory file brings.
func randomSamples(p Page) map[string][]any {
	at := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	rp := records.RandomPlan{ID: 1, UnitID: 2, Unit: "<b>市市场监管局</b>", Title: "<i>食品</i>抽查", Year: 2026, PublishDays: 20,
		PlanSHA256: "ab", SnapshotSHA256: "cd", SeedSHA256: "ef", CommittedAt: at, DrawnAt: &at, DrawnBy: "ducha"}
	open := rp
	open.DrawnAt = nil
	checks := []records.RandomCheck{
		{ID: 1, PlanID: 1, Seq: 1, EntityCode: "91440100MA0000001X", EntityName: "<script>x</script>商户", Inspectors: "王某、李某",
			CheckedOn: "2026-12-02", Category: "rectify", Findings: "<b>未分区</b>", FollowUp: "责令整改", RectifyDue: "2026-12-20",
			TaskID: 9, PublishDue: "2026-12-30", PublishedAt: &at, EnteredAt: &at},
		{ID: 2, PlanID: 1, Seq: 2, EntityCode: "91440100MA0000002X", EntityName: "商户二", Inspectors: "王某、张某", PublishDue: ""},
	}
	settings := randomdraw.Plan{Title: "食品抽查", Department: "市市场监管局", Joint: []string{"<b>市卫健委</b>"}, Matter: "<i>许可</i>检查",
		Count: 8, Weights: []randomdraw.Weight{{Grade: "D", Weight: 4}}, TeamSize: 2, AvoidLast: true}
	ratio := settings
	ratio.Count, ratio.Ratio = 0, 5
	stats := []randomsvc.Stat{{Unit: "<b>市市场监管局</b>", Plans: 2, Checks: 8, Entered: 2, Published: 2, Late: 1, Problems: 1, Tasks: 1}}
	cats := []Option{{Value: "clean", Label: "未发现问题"}, {Value: "rectify", Label: "发现问题，责令整改"}}
	return map[string][]any{
		"random": {
			RandomPage{Page: p, RandomDeskView: &RandomDeskView{CanEdit: true, Total: 40, Grades: []Option{{Value: "A", Label: "8"}},
				Inspectors: []records.RandomInspector{{ID: 1, Name: "<b>陈某</b>", Cert: "44********3100", UnitName: "执法局",
					Qualifications: []string{"食品"}, Areas: []string{"城东"}, Ties: []string{"x"}}},
				Plans: []records.RandomPlan{rp, open}, Stats: stats, Units: []Option{{Value: "2", Label: "市市场监管局"}}, Year: 2026},
				Problems: []string{"<b>第 3 行</b>"}, Imported: &randomsvc.ImportReport{Rows: 40, New: 3}, Form: RandomPlanForm{Title: "<x>", Unit: "2"}},
			RandomPage{Page: p, RandomDeskView: &RandomDeskView{}},
		},
		"random_plan": {
			RandomPlanPage{Page: p, RandomPlanView: &RandomPlanView{Plan: &randomsvc.Plan{RandomPlan: rp, Settings: settings, Eligible: 40, Checks: checks},
				CanEdit: true, Categories: cats, Today: "2026-12-06"}, Problems: []string{"<b>已抽取</b>"}},
			RandomPlanPage{Page: p, RandomPlanView: &RandomPlanView{Plan: &randomsvc.Plan{RandomPlan: open, Settings: ratio}, CanEdit: true}},
			RandomPlanPage{Page: p, RandomPlanView: &RandomPlanView{Plan: &randomsvc.Plan{RandomPlan: open, Settings: ratio}}},
		},
		"random_public": {
			RandomPublicPage{Page: p, RandomPublicView: &RandomPublicView{Plans: []randomsvc.PublicPlan{
				{ID: 1, Title: "<b>食品</b>抽查", Unit: "市市场监管局", Settings: settings, SeedSHA256: "ef", CommittedAt: "2026-12-01 10:00",
					Drawn: true, DrawnAt: "2026-12-02 10:00", Checks: checks},
				{ID: 2, Title: "下季度", Unit: "市市场监管局", Settings: ratio, SeedSHA256: "12"}},
				Stats: stats, Categories: map[string]string{"rectify": "发现问题，责令整改"}}},
			RandomPublicPage{Page: p, RandomPublicView: &RandomPublicView{}},
		},
	}
}
