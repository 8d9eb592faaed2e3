package bulletin

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// sheet is one sheet of the detail workbook.
type sheet struct {
	name   string
	header []string
	widths []float64
	rows   [][]any
}

// Xlsx writes the bulletin's detail: the ranking, completion by unit, the
// tasks that need attention, the monthly trend and the 激励/问责 records,
// a sheet each, headers bold and frozen, columns sized for Chinese text.
func (b *Bulletin) Xlsx() ([]byte, error) {
	sheets := []sheet{
		{name: "考核排名", header: []string{"名次", "单位", "到期任务", "重点攻坚考绩", "日常动态考评", "创新创优激励", "公众满意度", "总分"},
			widths: []float64{8, 28, 10, 14, 14, 14, 12, 10}},
		{name: "单位完成情况", header: []string{"单位", "到期任务", "已完成", "按时完成", "完成率（%）", "按时完成率（%）", "督办单"},
			widths: []float64{28, 10, 10, 10, 12, 16, 10}},
		{name: "重点关注任务", header: []string{"序号", "任务编号", "任务", "责任单位", "到期日", "情况"},
			widths: []float64{8, 10, 40, 36, 12, 36}},
		{name: "逐月趋势", header: []string{"月份", "月末逾期未完成", "下发督办单"}, widths: []float64{12, 16, 14}},
		{name: "激励与问责", header: []string{"日期", "单位", "类别", "事由"}, widths: []float64{12, 28, 10, 40}},
	}
	for _, r := range b.Ranking {
		var rank any = "—"
		if r.Rank > 0 {
			rank = r.Rank
		}
		sheets[0].rows = append(sheets[0].rows, []any{rank, r.Unit, r.Tasks, r.KeyWork, r.Daily, r.Incentive, r.Satisfaction, r.Total})
	}
	for _, u := range b.ByUnit {
		sheets[1].rows = append(sheets[1].rows, []any{u.Unit, u.Due, u.Done, u.OnTime, u.Completion, u.OnTimeRate, u.Notices})
	}
	for i, f := range b.Flags {
		sheets[2].rows = append(sheets[2].rows, []any{i + 1, f.TaskID, f.Title, f.Units, f.Due.Format("2006-01-02"), f.Why})
	}
	for _, t := range b.Trend {
		sheets[3].rows = append(sheets[3].rows, []any{t.Month, t.Overdue, t.Notices})
	}
	for _, r := range b.Records {
		sheets[4].rows = append(sheets[4].rows, []any{r.On.Format("2006-01-02"), r.Unit, r.Label, r.Title})
	}
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE8F6"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return nil, err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, s, bold); err != nil {
			return nil, fmt.Errorf("bulletin: sheet %s: %w", s.name, err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeSheet(f *excelize.File, s sheet, bold int) error {
	for i, w := range s.widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s.name, col, col, w); err != nil {
			return err
		}
	}
	header := make([]any, len(s.header))
	for i, h := range s.header {
		header[i] = h
	}
	if err := f.SetSheetRow(s.name, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(s.header))
	if err := f.SetCellStyle(s.name, "A1", last+"1", bold); err != nil {
		return err
	}
	for i, r := range s.rows {
		if err := f.SetSheetRow(s.name, fmt.Sprintf("A%d", i+2), &r); err != nil {
			return err
		}
	}
	return f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
