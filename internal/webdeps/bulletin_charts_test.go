package webdeps

import (
	"encoding/json"
	"testing"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/i18n"
)

// TestBulletinChartsScale: the 通报 always has its four charts; units at
// 0 % are drawn on a 0–100 % scale (not 0–1 %) without calling the chart
// empty; a quarter without notices still has the notices chart, saying
// so; a chart with data says nothing.
func TestBulletinChartsScale(t *testing.T) {
	loc := i18n.New(i18n.ZhCN)
	quiet := &bulletin.Bulletin{ByUnit: []bulletin.UnitStat{{Unit: "市法制办", Due: 2}, {Unit: "市财政局", Due: 1}},
		Trend: []bulletin.TrendPoint{{Label: "1月"}, {Label: "2月"}}}
	busy := &bulletin.Bulletin{ByUnit: []bulletin.UnitStat{{Unit: "市法制办", Due: 2, Done: 1, Completion: 50}},
		Trend: []bulletin.TrendPoint{{Label: "1月", Overdue: 1, Notices: 2}}, Notices: []bulletin.LevelCount{{Label: "蓝色督办单", N: 2}}}
	for _, c := range []struct {
		name  string
		b     *bulletin.Bulletin
		empty map[string]string
	}{
		{"a quiet quarter", quiet, map[string]string{"chart-units": "", "chart-trend": "本年还没有逾期任务或督办单。",
			"chart-notices": "本期没有下发督办单。", "chart-ranking": "本期还没有参加排名的单位。"}},
		{"a busy quarter", busy, map[string]string{"chart-units": "", "chart-trend": "", "chart-notices": "", "chart-ranking": "本期还没有参加排名的单位。"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			charts := bulletinCharts(loc, c.b)
			if len(charts) != 4 {
				t.Fatalf("%d charts, want 4", len(charts))
			}
			for _, ch := range charts {
				want, ok := c.empty[ch.ID]
				if !ok || ch.Empty != want {
					t.Errorf("%s says %q, want %q", ch.ID, ch.Empty, want)
				}
				if ch.ID == "chart-units" {
					var s chartSpec
					if err := json.Unmarshal([]byte(ch.Spec), &s); err != nil || s.Max != 100 || s.Unit != "%" {
						t.Errorf("units chart %s: %v", ch.Spec, err)
					}
				}
			}
		})
	}
}
