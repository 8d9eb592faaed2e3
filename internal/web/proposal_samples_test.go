package web

// proposalSamples are the proposals' pages' sample data, with markup in
// what people type.
func proposalSamples(p Page) map[string][]any {
	row := ProposalRow{ID: 3, Kind: "人大代表建议", Number: "12", Title: "<b>学位</b>建议", Proposers: "李华", LeadUnit: "市教育局",
		CoUnits: "市财政局", Due: "2026-11-09", State: "assigned", StateLabel: "办理中", Key: true, Urgent: true, Late: true}
	answered := row
	answered.State, answered.StateLabel, answered.Class, answered.Satisfaction, answered.Late = "answered", "已答复", "B", "不满意", false
	opts := []Option{{Value: "1", Label: "市教育局", Selected: true}, {Value: "2", Label: "市财政局"}}
	full := &ProposalView{ProposalRow: row, Year: 2026, Content: "<script>x</script>建议新建学校", Category: "教育", Delegation: "城东代表团",
		Phone: "139****1111", NoPublish: true, AssignedOn: "2026-08-07", Round: "2",
		CoUnitList: []ProposalCoUnit{{UnitID: 2, Name: "市财政局", CanOpine: true}, {UnitID: 4, Name: "市住建局", Opinion: "<b>同意</b>", At: "2026-08-20 10:00"}},
		Events:     []ProposalEventRow{{Round: 1, Kind: "交办", Unit: "市教育局", On: "2026-08-07", Actor: "ducha", At: "2026-08-07 10:00", Text: "<i>x</i>"}},
		CanAssign:  true, CanDispute: true, CanContact: true, CanAnswer: true, Units: opts, DisputeUnits: opts[:1],
		Classes: []Option{{Value: "A", Label: "A类"}}, Today: "2026-08-10", Problems: []string{"<b>答复内容</b>"}}
	done := &ProposalView{ProposalRow: answered, Year: 2026, Content: "x", Round: "1", Answer: "<b>列入计划</b>", ClassText: "B类（所提问题列入计划逐步解决）",
		Signer: "张局长", Contact: "王科长", AnsweredOn: "2026-09-01", FeedbackText: "<i>未解决</i>", TaskID: 9, HasLetter: true,
		CanFeedback: true, CanRedo: true, Satisfactions: []Option{{Value: "satisfied", Label: "满意"}}}
	return map[string][]any{
		"proposals": {
			ProposalListPage{Page: p, ProposalListView: &ProposalListView{Year: 2026, Prev: 2025, Next: 2027, Rows: []ProposalRow{row, answered},
				CanCreate: true, Kinds: []Option{{Value: "suggestion", Label: "人大代表建议", Selected: true}},
				States: []Option{{Value: "assigned", Label: "办理中"}}, Form: ProposalForm{Title: "<x>", Key: true, Problems: []string{"<b>第4行</b>"}}}},
			ProposalListPage{Page: p, ProposalListView: &ProposalListView{Year: 2026}},
		},
		"proposal": {
			ProposalPage{Page: p, ProposalView: full},
			ProposalPage{Page: p, ProposalView: done},
			ProposalPage{Page: p, ProposalView: &ProposalView{}},
		},
		"proposals_public": {
			PublicProposalsPage{Page: p, PublicProposalsView: &PublicProposalsView{Year: 2026, Prev: 2025, Next: 2027,
				Rows:  []PublicProposalRow{{ID: 3, Kind: "人大代表建议", Number: "12", Title: "<b>学位</b>", Unit: "市教育局", Class: "A", AnsweredOn: "2026-09-01"}},
				Stats: []ProposalUnitStats{{Unit: "市教育局", Assigned: 3, Answered: 2, OnTime: 2, Rated: 1, Satisfied: 1, A: 1, B: 1, OnTimeRate: "100%", SatisfiedRate: "100%"}}}},
			PublicProposalsPage{Page: p, PublicProposalsView: &PublicProposalsView{Year: 2026}},
		},
		"proposal_public": {
			PublicProposalPage{Page: p, PublicProposalView: &PublicProposalView{PublicProposalRow: PublicProposalRow{ID: 3, Kind: "人大代表建议",
				Number: "12", Title: "<b>学位</b>", Proposers: "李华", Unit: "市教育局", Class: "A", AnsweredOn: "2026-09-01"},
				Delegation: "城东代表团", Answer: "<script>x</script>已采纳", ClassText: "A类", Year: 2026}},
		},
	}
}
