package web

import "time"

// incidentSamples are the incidents' pages' sample data, with markup in
// what staff type.
func incidentSamples(p Page) map[string][]any {
	at := time.Date(2026, 10, 3, 13, 30, 0, 0, time.UTC)
	row := IncidentRow{ID: 1, Title: "<b>化工园区</b>爆炸", Level: "重大（II级）", Occurred: at, Unit: "市应急管理局",
		Clocks: []IncidentClock{{Kind: "authoritative", Label: "发布权威信息", Due: at.Add(5 * time.Hour), Done: at.Add(time.Hour), State: "on_time",
			StateLabel: "按时完成", Light: "green", Why: "<i>why</i>", Evidence: "<a href=x>https://x</a>"},
			{Kind: "press", Label: "举行新闻发布会", Due: at.Add(24 * time.Hour), State: "due_soon", StateLabel: "临近时限", Light: "yellow", Left: "还剩45分"}}}
	return map[string][]any{
		"incidents": {IncidentListPage{Page: p, IncidentListView: &IncidentListView{Rows: []IncidentRow{row}, CanReport: true,
			Levels: []Option{{Value: "major", Label: "重大（II级）"}}, Units: []Option{{Value: "1", Label: "市应急管理局"}},
			Form: IncidentInput{Title: "<x>", Level: "major", Problems: []string{"<b>发生时间</b>"}}}},
			IncidentListPage{Page: p, IncidentListView: &IncidentListView{}}},
		"incident": {IncidentPage{Page: p, IncidentView: &IncidentView{IncidentRow: row, Summary: "<script>x</script>", CanFulfil: true, Problems: []string{"<b>佐证</b>"}}},
			IncidentPage{Page: p, IncidentView: &IncidentView{}}},
	}
}
