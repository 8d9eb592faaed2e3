package workday

import "testing"

func TestExplain(t *testing.T) {
	cal := Default()
	cases := []struct {
		start string
		n     int
		want  string
	}{
		{"2026-02-13", 3, "自 2026-02-13 起算 3 个工作日：计入 02-14(调休上班)、02-24–02-25；跳过 02-15–02-23 春节；到期 2026-02-25"},
		{"2026-03-06", 1, "自 2026-03-06 起算 1 个工作日：计入 03-09；跳过 03-07–03-08 周末；到期 2026-03-09"},
		{"2026-03-02", 2, "自 2026-03-02 起算 2 个工作日：计入 03-03–03-04；到期 2026-03-04"},
		{"2026-02-15", 0, "自 2026-02-15 起算 0 个工作日：跳过 02-15–02-23 春节；到期 2026-02-24"},
		{"2026-03-02", 0, "自 2026-03-02 起算 0 个工作日：到期 2026-03-02"},
		{"2025-12-31", 2, "自 2025-12-31 起算 2 个工作日：计入 2026-01-04(调休上班)、2026-01-05；跳过 2026-01-01–2026-01-03 元旦；到期 2026-01-05"},
		{"2026-09-30", 4, "自 2026-09-30 起算 4 个工作日：计入 10-08–10-09、10-10(调休上班)、10-12；跳过 10-01–10-07 国庆节、10-11 周末；到期 2026-10-12"},
		{"2026-02-25", -3, "自 2026-02-25 前推 3 个工作日：计入 02-24、02-14(调休上班)、02-13；跳过 02-15–02-23 春节；结果 2026-02-13"},
	}
	for _, c := range cases {
		e := cal.Explain(day(t, c.start), c.n)
		if got := e.String(); got != c.want {
			t.Errorf("Explain(%s, %d):\n got %s\nwant %s", c.start, c.n, got, c.want)
		}
		if want := cal.AddWorkdays(day(t, c.start), c.n); !e.Due.Equal(want) {
			t.Errorf("Explain(%s, %d).Due = %s, AddWorkdays = %s", c.start, c.n, e.Due, want)
		}
		if len(e.Counted) != abs(c.n) {
			t.Errorf("Explain(%s, %d) counted %d days", c.start, c.n, len(e.Counted))
		}
	}

	// The structure, not only the text: the holiday run and the 调休 day.
	e := cal.Explain(day(t, "2026-02-13"), 3)
	if len(e.Skipped) != 1 || e.Skipped[0].Kind != Holiday || e.Skipped[0].Name != "春节" ||
		!e.Skipped[0].From.Equal(day(t, "2026-02-15")) || !e.Skipped[0].To.Equal(day(t, "2026-02-23")) {
		t.Errorf("Skipped = %+v", e.Skipped)
	}
	if e.Counted[0].Kind != AdjustedWorkday || e.Counted[0].Name != "春节" {
		t.Errorf("Counted[0] = %+v", e.Counted[0])
	}

	// A changed holiday shows in the explanation.
	local := cal.With(Day{Date: day(t, "2026-03-03"), Name: "地方节日", Off: true})
	want := "自 2026-03-02 起算 2 个工作日：计入 03-04–03-05；跳过 03-03 地方节日；到期 2026-03-05"
	if got := local.Explain(day(t, "2026-03-02"), 2).String(); got != want {
		t.Errorf("with a local holiday:\n got %s\nwant %s", got, want)
	}
}
