package web

import (
	"testing"
	"time"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/bulletin"
)

// assessSamples are the 考核 pages' sample data, with markup in every
// text people type.
func assessSamples(p Page) map[string][]any {
	at := time.Date(2026, 4, 15, 2, 0, 0, 0, time.UTC)
	periods := []Option{{Value: "2026-Q1", Label: "2026年第一季度", Selected: true}, {Value: "2026-03", Label: "2026年3月"}}
	row := RankRow{UnitID: 1, Unit: "<b>市法制办</b>", Rank: 1, Tasks: 3, KeyWork: 52.71, Daily: 28, Incentive: 5, Satisfaction: 9, Total: 94.71, CanOpen: true}
	unranked := RankRow{UnitID: 4, Unit: "市信访局", Tasks: 1, Daily: 30, Satisfaction: 8.5, Total: 38.5}
	record := RecordView{ID: 1, UnitID: 1, Unit: "市法制办", Kind: "highlight", KindLabel: "亮点", Title: "<i>法治示范</i>", On: "2026-03-10",
		Basis: "嘉政办发〔2026〕12号", Tasks: []int64{1}, Notices: []string{"t3/notice/blue"}, CreatedBy: "ducha"}
	revoked := record
	revoked.ID, revoked.Kind, revoked.KindLabel, revoked.Revoked, revoked.RevokedBy, revoked.RevokeReason = 2, "accountability", "问责", true, "ducha", "<b>复核</b>"
	return map[string][]any{
		"assess": {
			RankingPage{Page: p, RankingView: &RankingView{Period: "2026-Q1", Label: "2026年第一季度", AsOf: at, Periods: periods,
				Scheme: "重点攻坚考绩 + 日常动态考评", Full: 100, MinTasks: 2, Rows: []RankRow{row, unranked}, CanEdit: true}},
			RankingPage{Page: p, RankingView: &RankingView{Period: "2026-Q2", Label: "2026年第二季度", Default: true}},
			RankingPage{Page: p, RankingView: &RankingView{Period: "2026-Q2", Label: "2026年第二季度", Group: "2", GroupName: "县市区",
				Groups: []Option{{Value: "1", Label: "市直部门"}, {Value: "2", Label: "县市区", Selected: true}}}},
		},
		"assess_unit": {
			UnitScorePage{Page: p, UnitScoreView: &UnitScoreView{RankRow: row, Period: "2026-Q1", Label: "2026年第一季度", Periods: periods,
				Parts: []ScorePart{{Label: "重点攻坚考绩", Points: 52.71, Lines: []ScoreLine{{TaskID: 1, Points: 25.71, Text: "「<b>甲</b>」按时完成"}}},
					{Label: "日常动态考评", Points: 28, Lines: []ScoreLine{{Points: 30, Text: "基础分 30"}, {TaskID: 3, Points: -0.5, Text: "蓝色督办单"}}}},
				History: []HistoryPoint{{Period: "2026-01", Label: "2026年1月", Total: 100, Rank: 1}, {Period: "2026-02", Label: "2026年2月", Total: 90}},
				Records: []RecordView{record, revoked},
				Hotline: &HotlineRates{Tickets: 4, OnTime: 3, Visited: 3, Solved: 1, Liked: 2, Response: 0.75, Resolution: 1.0 / 3, Satisfaction: 2.0 / 3}}},
			UnitScorePage{Page: p, UnitScoreView: &UnitScoreView{RankRow: unranked, Period: "2026-Q1"}},
			UnitScorePage{Page: p, UnitScoreView: &UnitScoreView{RankRow: unranked, Period: "2026-Q1", Hotline: &HotlineRates{}}},
			UnitScorePage{Page: p, UnitScoreView: &UnitScoreView{RankRow: unranked, Period: "2026-Q1", Hotline: &HotlineRates{Tickets: 2}}},
		},
		"scoring": {
			FormulaPage{Page: p, FormulaView: &FormulaView{Name: "<b>办法</b>", Lines: []string{"总分 = …"}, Published: &at}},
			FormulaPage{Page: Page{Lang: p.Lang, LangLinks: p.LangLinks}, FormulaView: &FormulaView{Name: "默认"}},
		},
		"assess_scheme": {
			SchemePage{Page: p, SchemeView: &SchemeView{Draft: true, SavedBy: "ducha", SavedAt: at, Published: &at,
				Fields:   []SchemeField{{Key: "name", Group: "办法", Label: "名称", Value: "<b>x</b>"}, {Key: "key_work", Group: "重点攻坚考绩", Label: "分值", Value: "60", Hint: "h"}},
				Formula:  []string{"总分 = <b>…</b>"},
				Problems: []string{"配合单位系数应在 0–1 之间，现为 <2>"}}},
			SchemePage{Page: p, SchemeView: &SchemeView{}},
		},
		"assess_bulletin": {
			BulletinPage{Page: p, BulletinView: &BulletinView{Period: "2026-Q1", Periods: periods, Bulletin: &bulletin.Bulletin{
				Title: "关于<b>2026年第一季度</b>重点工作推进情况的通报", Issuer: "督查室", AsOf: at,
				Summary: bulletin.Summary{Due: 4, OnTime: 1, Late: 1, Open: 2, Completion: 50, OnTimeRate: 25, Notices: 3},
				Flags:   []bulletin.Flag{{TaskID: 3, Title: "<i>热线</i>", Units: "市编委办（牵头）", Due: at, Why: "红色督办单"}},
				Records: []bulletin.RecordEntry{{Unit: "市法制办", Label: "亮点"}}},
				Charts: []Chart{{ID: "c1", Title: "各单位完成情况", Spec: `{"kind":"bar","x":["<b>"],"series":[{"name":"完成率","data":[50]}]}`}}}},
			BulletinPage{Page: p, BulletinView: &BulletinView{Bulletin: &bulletin.Bulletin{}}},
			BulletinPage{Page: p, BulletinView: &BulletinView{Bulletin: &bulletin.Bulletin{}, Group: "2", Groups: []Option{{Value: "2", Label: "县市区", Selected: true}}}},
		},
		"dashboard": {
			DashboardPage{Page: p, DashboardView: &DashboardView{Total: 10, Closed: 3, Red: 2, Yellow: 1, OpenNotices: 1, Completion: 30,
				Charts:  []Chart{{ID: "c", Title: "全部任务红黄灯", Spec: `{"kind":"pie","x":["红灯"],"series":[{"name":"任务","data":[2]}]}`}},
				Overdue: []OverdueView{{TaskID: 1, Title: "<b>甲</b>", Units: "市法制办（牵头）", Days: 12}},
				Units:   []LightRow{{ID: 1, Name: "<i>市法制办</i>", Red: 2, Href: "/tasks?unit=1&light=red"}},
				Plans:   []LightRow{{ID: 1, Name: "方案", Red: 2, Green: 5, Href: "/tasks?plan=1&light=red"}}}},
			DashboardPage{Page: p, DashboardView: &DashboardView{Citizens: &PublicFigures{TicketsOpen: 3, TicketsOverdue: 1, RequestsOpen: 2, IncidentsRunning: 1}}},
		},
		"assess_records": {
			RecordsPage{Page: p, RecordsView: &RecordsView{Records: []RecordView{record, revoked}, CanEdit: true,
				Units: []Option{{Value: "1", Label: "市法制办"}}, Form: RecordForm{UnitID: 1, Kind: "innovation", Title: "<x>", Problems: []string{"缺少事由"}}}},
			RecordsPage{Page: p, RecordsView: &RecordsView{}},
		},
	}
}

// TestAssessKindKeysExist: the record kinds the templates name by code
// are in both catalogues.
func TestAssessKindKeysExist(t *testing.T) {
	for _, k := range assess.RecordKinds {
		hasEverywhere(t, "assess.kind."+k, "recordKind")
	}
}
