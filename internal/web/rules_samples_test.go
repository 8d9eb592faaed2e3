package web

import "time"

// rulesSamples are the 督查规则 pages' sample data: the built-in default,
// a plan's own rules without a ladder, and a refused form — with markup
// in the texts people type.
func rulesSamples(p Page) map[string][]any {
	at := time.Date(2026, 6, 11, 2, 0, 0, 0, time.UTC)
	ladder := []LevelView{{Label: "蓝色督办单", After: 2, Rectify: 5}, {Label: "黄色督办单", After: 1, Rectify: 3}, {Label: "红色督办单", After: 1, Rectify: 2}, {Label: "<b>挂牌督办</b>", After: 1, Rectify: 2}}
	view := &RulesView{CanEdit: true, Sets: []RuleSet{
		{Remind: 3, Press: true, ReportDay: 25, Ladder: ladder},
		{PlanID: 2, PlanTitle: "<i>重点攻坚方案</i>", Stored: true, UpdatedBy: "ducha", UpdatedAt: at},
	}, Others: []PlanOption{{ID: 3, Title: "<b>日常工作</b>"}}}
	form := &RulesForm{PlanID: 2, PlanTitle: "重点攻坚方案", Remind: "x", Press: true, ReportDay: "25",
		Levels:   []LevelForm{{Name: "blue", Label: "蓝色督办单", After: "2", Rectify: "5"}, {}},
		Problems: []string{"到期前提醒应为整数，填写的是“<x>”"}}
	return map[string][]any{
		"rules":      {RulesPage{Page: p, RulesView: view}, RulesPage{Page: p, RulesView: &RulesView{Sets: []RuleSet{{}}}}},
		"rules_form": {RulesFormPage{Page: p, RulesForm: form}, RulesFormPage{Page: p, RulesForm: &RulesForm{}}},
	}
}
