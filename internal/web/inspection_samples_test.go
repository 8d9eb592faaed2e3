package web

// inspectionSamples are the inspections' pages' sample data, with markup
// in what staff type.
func inspectionSamples(p Page) map[string][]any {
	row := FindingRow{ID: 1, InspectionID: 2, Inspection: "<b>扬尘</b>明察暗访", HeldOn: "2026-11-02", Kind: "明察暗访",
		Description: "<script>x</script>工地裸土未覆盖", Unit: "市住建局", Due: "2026-11-13", Status: "overdue", StatusLabel: "整改逾期",
		Light: "red", TaskID: 9, Files: []FileLink{{ID: 1, Name: "<i>现场</i>.png"}},
		Rechecks: []RecheckRow{{HeldOn: "2026-11-10", Note: "<b>仍未覆盖</b>", NewDue: "2026-12-15", Actor: "ducha"}}, CanRecheck: true}
	row.LastRecheck = &row.Rechecks[0]
	passed := row
	passed.Status, passed.StatusLabel, passed.Light, passed.CanRecheck = "passed", "复查通过", "green", false
	opts := []Option{{Value: "1", Label: "市住建局", Selected: true}}
	return map[string][]any{
		"inspection_plan": {
			InspectionPlanPage{Page: p, InspectionPlanView: &InspectionPlanView{Year: 2026, Prev: 2025, Next: 2027, CanEdit: true,
				Rows:  []PlanEntryRow{{ID: 1, Month: 4, PlannedOn: "2026-04-15", Title: "<b>重点项目</b>专项督查", Kind: "专项督查", Units: []string{"市住建局", "市财政局"}, Held: 1}},
				Kinds: []Option{{Value: "special", Label: "专项督查"}}, Units: opts, Months: []int{1, 2},
				Form: PlanEntryForm{Title: "<x>", Month: "2", Problems: []string{"<b>名称</b>"}}}},
			InspectionPlanPage{Page: p, InspectionPlanView: &InspectionPlanView{Year: 2026}},
		},
		"inspections": {
			InspectionListPage{Page: p, InspectionListView: &InspectionListView{Year: 2026, Prev: 2025, Next: 2027, CanRecord: true,
				Rows:  []InspectionRow{{ID: 2, HeldOn: "2026-11-02", Title: "<b>扬尘</b>明察暗访", Kind: "明察暗访", Place: "城东", Inspectors: "王某", Found: 2, Open: 1}},
				Kinds: []Option{{Value: "covert", Label: "明察暗访"}}, Entries: []Option{{Value: "1", Label: "4 月 重点项目专项督查"}},
				Form: InspectionForm{Title: "<x>", PlanEntry: "1", Problems: []string{"<b>日期</b>"}}}},
			InspectionListPage{Page: p, InspectionListView: &InspectionListView{Year: 2026}},
		},
		"inspection": {
			InspectionPage{Page: p, InspectionView: &InspectionView{ID: 2, Title: "<b>扬尘</b>明察暗访", Kind: "明察暗访", HeldOn: "2026-11-02",
				Place: "城东", Inspectors: "王某", Method: "随机暗访", Summary: "<script>x</script>", PlanEntry: "2026 · 4 月 · 专项督查",
				Findings: []FindingRow{row, passed}, CanEdit: true, Units: opts, Today: "2026-11-20",
				Form: FindingForm{Description: "<b>x</b>", Unit: "1"}, Problems: []string{"<b>整改期限</b>"}}},
			InspectionPage{Page: p, InspectionView: &InspectionView{}},
		},
		"findings": {
			FindingListPage{Page: p, FindingListView: &FindingListView{Query: FindingQuery{Year: "2026", Status: "overdue"}, Rows: []FindingRow{row, passed},
				Units: opts, Statuses: []Option{{Value: "overdue", Label: "整改逾期", Selected: true}}, Years: []Option{{Value: "2026", Label: "2026 年"}},
				ExportHref: "/findings/export.xlsx?year=2026", ShowInspectionLink: true}},
			FindingListPage{Page: p, FindingListView: &FindingListView{}},
		},
	}
}
