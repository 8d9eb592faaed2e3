package web

import "time"

// foiaSamples are the 依申请公开 pages' sample data, with markup in what
// applicants and staff type.
func foiaSamples(p Page) map[string][]any {
	at := time.Date(2026, 2, 6, 0, 0, 0, 0, time.UTC)
	due := at.AddDate(0, 1, 6)
	anon := Page{Lang: p.Lang, LangLinks: p.LangLinks, Public: true}
	row := FOIARow{ID: 3, Applicant: "某<b>公司</b>", Kind: "商业企业", Content: "<script>老旧小区</script>", Channel: "互联网渠道", Received: at,
		Due: &due, State: "overdue", StateLabel: "已超期", Overdue: true}
	done := row
	done.Due, done.Reply, done.Overdue = nil, "予以公开", false
	form := &FOIAForm{Kinds: []Option{{Value: "person", Label: "自然人"}}, Channels: []Option{{Value: "registered", Label: "邮寄"}},
		FOIAInput: FOIAInput{Kind: "person", Name: "<i>李四</i>", Channel: "registered", Content: "<x>", Problems: []string{"联系方式<b>至少一项</b>"}}}
	return map[string][]any{
		"foia_list": {FOIAListPage{Page: p, FOIAListView: &FOIAListView{Open: []FOIARow{row}, Done: []FOIARow{done}, CanIntake: true, Year: 2026}},
			FOIAListPage{Page: p, FOIAListView: &FOIAListView{}}},
		"foia_request": {FOIAPage{Page: p, FOIAView: &FOIAView{FOIARow: row, Contact: "139****1111 · <b>addr</b>", Form: "电子", Why: []string{"<b>2026-02-06</b> 收到"},
			Steps: []FOIAStepRow{{On: at, Label: "告知补正", Days: 10, Note: "<i>note</i>", Actor: "gongkai"}}, ReplyText: "<b>见附件</b>", Fee: 200,
			Concluded: &due, CanAct: true, CanLetter: true, CanConfirm: true, StepKinds: []Option{{Value: "correction", Label: "告知补正"}}, Replies: []Option{{Value: "disclosed", Label: "予以公开"}},
			Grounds: []Option{{Value: "1", Label: "属于国家秘密"}}, Problems: []string{"<b>一次性</b>"}}},
			FOIAPage{Page: p, FOIAView: &FOIAView{}}},
		"foia_form": {FOIAFormPage{Page: p, FOIAForm: form}, FOIAFormPage{Page: anon, FOIAForm: form}},
		"foia_report": {FOIAReportPage{Page: p, FOIAReportView: &FOIAReportView{Year: 2026, Years: []int{2026, 2025}, Columns: []string{"自然人", "总计"},
			Rows: []FOIAReportRow{{Label: "一、本年新收<b>", Depth: 0, Counts: []int{1, 1}}, {Label: "（一）予以公开", Depth: 1, Counts: []int{0, 0}}}}},
			FOIAReportPage{Page: anon, FOIAReportView: &FOIAReportView{Year: 2026, Years: []int{2026}}}},
		"foia_public": {PublicFOIAPage{Page: anon, PublicFOIA: &PublicFOIA{ID: 3, Content: "<script>", StateLabel: "已答复", Received: at, Due: &due,
			Why: []string{"<i>why</i>"}, Reply: "予以公开", ReplyText: "<b>见附件</b>", HasLetter: true, Secret: "abc"}},
			PublicFOIAPage{Page: anon, PublicFOIA: &PublicFOIA{}}},
	}
}
