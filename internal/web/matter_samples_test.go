package web

// matterSamples are the 督办件 pages' sample data, with markup in what
// staff type.
func matterSamples(p Page) map[string][]any {
	v := func() *MatterFormView {
		return &MatterFormView{Kinds: []Option{{Value: "instruction", Label: "领导批示"}, {Value: "meeting", Label: "会议议定事项"}},
			Units:    []Option{{Value: "1", Label: "市财政局"}, {Value: "2", Label: "<b>市发展改革委</b>"}},
			Cadences: []Option{{Value: "month", Label: "每月"}}, Year: 2026}
	}
	full := v()
	full.Form = MatterInput{Kind: "instruction", Title: "<script>x</script>", SourceText: "<i>批示</i>", Lead: "1", Support: []string{"2"},
		Deadline: "12月20日前", Every: "month", ReportBack: true, Problems: []string{"<b>办理时限</b>"}}
	full.Batch = MatterBatchInput{Meeting: "<b>常务会议</b>", Lines: "一、<x>\n二、y", Lead: "1", Problems: []string{"<b>第 2 行</b>"}}
	full.Created = []MatterCreated{{ID: 7, Path: []string{"1"}, Title: "<b>拨付资金</b>", Units: "市财政局（牵头）", Due: "2026-12-31"}}
	return map[string][]any{
		"matter_form":  {MatterFormPage{Page: p, MatterFormView: full}, MatterFormPage{Page: p, MatterFormView: v()}},
		"matter_batch": {MatterFormPage{Page: p, MatterFormView: full}, MatterFormPage{Page: p, MatterFormView: v()}},
	}
}
