package supervise

import (
	"github.com/duban/duban/internal/i18n"
	"strings"
	"testing"

	"github.com/duban/duban/internal/workday"
)

func TestExplain(t *testing.T) {
	cal := workday.Default()
	got, err := Due(Default(), cal, task1(), nil, d("2026-03-05"))
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[Kind]Event{}
	for _, e := range got {
		byKind[e.Kind] = e
	}
	tests := []struct {
		kind Kind
		want []string
	}{
		{KindRemind, []string{"提前 3 个工作日", "自 2026-02-13 前推 3 个工作日", "结果 2026-02-10"}},
		{KindPress, []string{"催办", "02-14(调休上班)", "到期 2026-02-14"}},
		{KindNotice, []string{"蓝色督办单", "跳过 02-15–02-23 春节", "到期 2026-02-25", "限期整改 5 个工作日，截至 2026-03-03", "02-28(调休上班)"}},
		{KindEscalate, []string{"黄色督办单", "限期整改至 2026-03-03 未见整改反馈", "到期 2026-03-04"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			s := Explain(byKind[tt.kind], cal, zhCN)
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("Explain = %q\nwant it to contain %q", s, w)
				}
			}
		})
	}
	missing := Event{Key: "t5/report_missing/2026-10", TaskID: 5, Kind: KindReportMissing, Period: "2026-10",
		Due: d("2026-10-26"), On: d("2026-10-27"), Basis: d("2026-10-26"), Workdays: 1}
	if s := Explain(missing, cal, zhCN); !strings.Contains(s, "2026-10 期报告应于 2026-10-26 前报送") {
		t.Errorf("Explain(report_missing) = %q", s)
	}
}

// zhCN is the catalogue's zh-CN, which the explanations are written in.
var zhCN = i18n.New(i18n.ZhCN).T
