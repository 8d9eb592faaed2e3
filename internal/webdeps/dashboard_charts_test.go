package webdeps

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
)

// TestDashboardCharts: the year's supervision has a month for every
// month so far, with axes and a sentence when nothing was sent yet and
// none once something was; titles and legends are in the reader's script.
func TestDashboardCharts(t *testing.T) {
	today := time.Date(2026, 4, 9, 0, 0, 0, 0, time.UTC)
	plans := []records.GroupLights{{ID: 1, Name: "某市营商环境提升行动方案", LightCounts: records.LightCounts{Red: 2, Green: 3}}}
	spec := func(t *testing.T, raw string) chartSpec {
		t.Helper()
		var s chartSpec
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, c := range []struct {
		name   string
		lang   i18n.Lang
		events []records.DayCount
		empty  string
		notes  []float64
		words  []string
	}{
		{"a year with nothing sent", i18n.ZhCN, nil, "本年还没有催办或督办单。", []float64{0, 0, 0, 0},
			[]string{"本年督办趋势", "各方案执行情况", "红灯", "催办", "督办单", "1月"}},
		{"notices in February", i18n.ZhTW, []records.DayCount{{Day: time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC), Kind: "notice", N: 2}}, "", []float64{0, 2, 0, 0},
			[]string{"本年督辦趨勢", "各方案執行情況", "紅燈", "催辦", "督辦單", "已銷號"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			loc := i18n.New(c.lang)
			charts := dashboardCharts(loc, &records.Dashboard{ByPlan: plans, Events: c.events}, nil, plans, today)
			var text strings.Builder
			for _, ch := range charts {
				text.WriteString(ch.Title + ch.Spec)
			}
			for _, w := range c.words {
				if !strings.Contains(text.String(), w) {
					t.Errorf("%q not in the charts: %s", w, text.String())
				}
			}
			trend := charts[3]
			if trend.ID != "chart-supervision" || trend.Empty != c.empty {
				t.Errorf("trend %s says %q, want %q", trend.ID, trend.Empty, c.empty)
			}
			s := spec(t, trend.Spec)
			if len(s.X) != 4 || s.Max != 4 || len(s.Series[1].Data) != 4 {
				t.Fatalf("trend months %v max %v", s.X, s.Max)
			}
			for i, v := range c.notes {
				if s.Series[1].Data[i] != v {
					t.Errorf("notices %v, want %v", s.Series[1].Data, c.notes)
				}
			}
		})
	}
}
