package web

import (
	"time"

	"github.com/duban/duban/internal/records"
)

// decisionSamples are the 重大行政决策 and 守信践诺 pages' sample data,
// with markup in what staff and the public type.
func decisionSamples(p Page) map[string][]any {
	at := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	d := func() *records.Decision {
		return &records.Decision{ID: 3, Year: 2026, Title: "<b>公交票价</b>调整", Summary: "<i>概要</i>", UnitID: 1, Unit: "市交通运输局",
			Planned: "2026年四季度", Status: "in_progress", Gate: "legality", ExecTask: 7, EvalTask: 8,
			Steps: []records.DecisionStep{
				{ID: 1, Kind: "consult", From: "2026-10-01", To: "2026-10-31", Actor: "office", At: at},
				{ID: 2, Kind: "feedback", Body: "<script>x</script>采纳5条", Actor: "office", At: at,
					Files: []records.Attachment{{ID: 4, Filename: "<b>说明</b>.pdf", Size: 2048}}},
				{ID: 3, Kind: "skip", Gate: "expert", Reason: "<b>非专业性事项</b>", Actor: "office", At: at},
				{ID: 4, Kind: "publish", Result: "市政发〔2026〕9号", Body: "<b>解读</b>", At: at},
			},
			Comments: []records.DecisionComment{{ID: 1, Name: "张*", Contact: "139****1111", Body: "<b>建议</b>", CreatedAt: at}}}
	}
	cat := func(state string, items []records.Decision) *records.DecisionCatalogue {
		pub := at
		return &records.DecisionCatalogue{Year: 2026, State: state, Note: "<b>常务会议</b>", PublishedAt: &pub, Items: items,
			Adjustments: []records.DecisionAdjustment{{ID: 1, DecisionID: 3, Title: "<b>养犬</b>", Kind: "added", Reason: "<i>增补</i>", At: at}}}
	}
	units := []Option{{Value: "1", Label: "<b>市交通运输局</b>"}}
	commitments := []records.Commitment{
		{ID: 1, Title: "<b>学位</b>", Source: "work_report", SourceRef: "<i>第3项</i>", Unit: "市教育局", Target: "<b>2000个</b>", Deadline: "2026-08-31",
			Standing: "late", Progress: []records.CommitmentProgress{{ID: 1, Kind: "progress", Body: "<b>主体完工</b>", On: "2026-06-01"}}},
		{ID: 2, Title: "改造", Source: "pledge", Unit: "市住建局", Target: "30个", Deadline: "2026-12-31", Closed: "broken", Standing: "broken",
			Reason: "<b>资金</b>", Rectification: "<i>次年完成</i>",
			Progress: []records.CommitmentProgress{{ID: 2, Kind: "broken", Body: "完成22个", Reason: "<b>资金</b>", Rectification: "<i>次年</i>", On: "2026-12-01"}}},
	}
	broken := []records.Commitment{commitments[1]}
	gates := []DecisionGate{{Gate: "participation", Done: true, Steps: d().Steps[:2]}, {Gate: "expert", Done: true, Skipped: true, Steps: d().Steps[2:3]},
		{Gate: "legality", Current: true}}
	return map[string][]any{
		"decisions": {
			DecisionCataloguePage{Page: p, DecisionCatalogueView: &DecisionCatalogueView{DecisionCatalogue: cat("draft", []records.Decision{*d()}),
				Years: []int{2027, 2026}, CanEdit: true, Units: units, Form: DecisionInput{Title: "<b>x</b>", Problems: []string{"<b>名称</b>"}}}},
			DecisionCataloguePage{Page: p, DecisionCatalogueView: &DecisionCatalogueView{DecisionCatalogue: cat("published", []records.Decision{*d()}),
				Years: []int{2026}, CanEdit: true, Units: units}},
			DecisionCataloguePage{Page: p, DecisionCatalogueView: &DecisionCatalogueView{DecisionCatalogue: cat("approved", nil), Years: []int{2026}}},
		},
		"decision": {
			DecisionPage{Page: p, DecisionView: &DecisionView{Decision: d(), Gates: gates, CanEdit: true, Commenting: true,
				Problems: []string{"<b>合法性审查</b>：未完成"}, Kinds: []string{"consult", "skip"}}},
			DecisionPage{Page: p, DecisionView: &DecisionView{Decision: &records.Decision{ID: 4, Title: "x", Status: "planned", Gate: "participation"}}},
		},
		"decisions_public": {
			PublicCataloguePage{Page: p, DecisionCatalogueView: &DecisionCatalogueView{DecisionCatalogue: cat("published", []records.Decision{*d()})}},
		},
		"decision_public": {
			PublicDecisionPage{Page: p, PublicDecisionView: &PublicDecisionView{Decision: d(), Commenting: true, From: "2026-10-01", To: "2026-10-31",
				Feedback: "<b>采纳</b>", Comments: 3, Form: CommentInput{Body: "<script>y</script>", Problems: []string{"<b>过多</b>"}}, Sent: true}},
			PublicDecisionPage{Page: p, PublicDecisionView: &PublicDecisionView{Decision: &records.Decision{ID: 4, Title: "x", Status: "planned"}}},
		},
		"commitments": {
			CommitmentsPage{Page: p, CommitmentsView: &CommitmentsView{Items: commitments, Broken: broken, CanEdit: true, Units: units,
				Form: CommitmentInput{Title: "<b>t</b>", Source: "project"}, Problems: []string{"<b>期限</b>"}}},
			CommitmentsPage{Page: p, CommitmentsView: &CommitmentsView{}},
		},
		"commitments_public": {
			PublicCommitmentsPage{Page: p, CommitmentsView: &CommitmentsView{Items: commitments, Broken: broken}},
			PublicCommitmentsPage{Page: p, CommitmentsView: &CommitmentsView{}},
		},
	}
}
