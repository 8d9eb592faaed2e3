package bulletin

import "github.com/duban/duban/internal/xlsxout"

// Xlsx writes the bulletin's detail: the ranking, completion by unit, the
// tasks that need attention, the monthly trend and the 激励/问责 records,
// a sheet each, headers bold and frozen, columns sized for Chinese text.
func (b *Bulletin) Xlsx() ([]byte, error) {
	sheets := []xlsxout.Sheet{
		{Name: "考核排名", Header: []string{"名次", "单位", "到期任务", "重点攻坚考绩", "日常动态考评", "创新创优激励", "公众满意度", "总分"},
			Widths: []float64{8, 28, 10, 14, 14, 14, 12, 10}},
		{Name: "单位完成情况", Header: []string{"单位", "到期任务", "已完成", "按时完成", "完成率（%）", "按时完成率（%）", "督办单"},
			Widths: []float64{28, 10, 10, 10, 12, 16, 10}},
		{Name: "重点关注任务", Header: []string{"序号", "任务编号", "任务", "责任单位", "到期日", "情况"},
			Widths: []float64{8, 10, 40, 36, 12, 36}},
		{Name: "逐月趋势", Header: []string{"月份", "月末逾期未完成", "下发督办单"}, Widths: []float64{12, 16, 14}},
		{Name: "激励与问责", Header: []string{"日期", "单位", "类别", "事由"}, Widths: []float64{12, 28, 10, 40}},
	}
	for _, r := range b.Ranking {
		var rank any = "—"
		if r.Rank > 0 {
			rank = r.Rank
		}
		sheets[0].Rows = append(sheets[0].Rows, []any{rank, r.Unit, r.Tasks, r.KeyWork, r.Daily, r.Incentive, r.Satisfaction, r.Total})
	}
	for _, u := range b.ByUnit {
		sheets[1].Rows = append(sheets[1].Rows, []any{u.Unit, u.Due, u.Done, u.OnTime, u.Completion, u.OnTimeRate, u.Notices})
	}
	for i, f := range b.Flags {
		sheets[2].Rows = append(sheets[2].Rows, []any{i + 1, f.TaskID, f.Title, f.Units, f.Due.Format("2006-01-02"), f.Why})
	}
	for _, t := range b.Trend {
		sheets[3].Rows = append(sheets[3].Rows, []any{t.Month, t.Overdue, t.Notices})
	}
	for _, r := range b.Records {
		sheets[4].Rows = append(sheets[4].Rows, []any{r.On.Format("2006-01-02"), r.Unit, r.Label, r.Title})
	}
	return xlsxout.Write(sheets)
}
