package inspectsvc

import (
	"context"
	"math"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/xlsxout"
)

// exportColumns are the 问题清单's columns: their catalogue keys and
// widths in characters.
var exportColumns = []struct {
	key   string
	width float64
}{
	{"inspection.col.no", 6}, {"inspection.col.held_on", 12}, {"inspection.col.kind", 10}, {"inspection.col.inspection", 24},
	{"inspection.col.description", 44}, {"inspection.col.unit", 18}, {"inspection.col.due", 12}, {"inspection.col.status", 10},
	{"inspection.col.recheck", 28}, {"inspection.col.task", 10},
}

// Export writes the 问题清单 that p may read, by f, as a workbook in
// zh-CN: a row a finding, tall enough for its longest cell. The download
// is audited (finding.export) with the filter and the count.
func (s *Service) Export(ctx context.Context, p authz.Principal, actor audit.Actor, f Filter) ([]byte, error) {
	list, err := s.Findings(ctx, p, f)
	if err != nil {
		return nil, err
	}
	say := func(key string, args ...any) string { return i18n.Lookup(i18n.ZhCN, key, args...) }
	sheet := xlsxout.Sheet{Name: say("inspection.sheet")}
	for _, c := range exportColumns {
		sheet.Header, sheet.Widths = append(sheet.Header, say(c.key)), append(sheet.Widths, c.width)
	}
	for i, x := range list {
		recheck := ""
		if n := len(x.Rechecks); n > 0 {
			last := x.Rechecks[n-1]
			recheck = last.HeldOn + " " + say("inspection.recheck."+passKey(last.Passed))
			if last.Note != "" {
				recheck += "：" + last.Note
			}
		}
		task := ""
		if x.TaskID != 0 {
			task = say("inspection.col.task_no", "id", x.TaskID)
		}
		row := []any{i + 1, x.HeldOn, say("inspection.kind." + x.Kind), x.Inspection, x.Description, x.Unit, x.Due,
			say("inspection.status." + x.Status), recheck, task}
		sheet.Rows, sheet.Heights = append(sheet.Rows, row), append(sheet.Heights, rowHeight(row))
	}
	data, err := xlsxout.Write([]xlsxout.Sheet{sheet})
	if err != nil {
		return nil, err
	}
	if err := s.Store.RecordEvent(ctx, actor, "finding.export", "finding", nil,
		map[string]any{"year": f.Year, "unit": f.UnitID, "status": f.Status, "rows": len(list)}); err != nil {
		return nil, err
	}
	return data, nil
}

func passKey(passed bool) string {
	if passed {
		return "passed"
	}
	return "failed"
}

// rowHeight is tall enough for the row's longest cell wrapped at its
// column's width: 15 points a line (a CJK character is two widths).
func rowHeight(row []any) float64 {
	lines := 1.0
	for i, v := range row {
		s, ok := v.(string)
		if !ok || i >= len(exportColumns) {
			continue
		}
		lines = max(lines, math.Ceil(float64(2*utf8.RuneCountInString(s))/exportColumns[i].width))
	}
	return 15 * lines
}
