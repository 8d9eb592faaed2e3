package supervise

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/workday"
)

func TestRulesValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Rules)
		want string // a substring of the error; "" for valid
	}{
		{"default", func(*Rules) {}, ""},
		{"no ladder", func(r *Rules) { r.Ladder = nil }, ""},
		{"negative remind", func(r *Rules) { r.RemindWorkdays = -1 }, "提前提醒（remind_workdays）应为 0–60 个工作日，现为 -1"},
		{"report day", func(r *Rules) { r.ReportDay = 32 }, "现为 32"},
		{"empty name", func(r *Rules) { r.Ladder[1].Name = "" }, "第 2 级（黄色督办单）：缺少代码"},
		{"twice", func(r *Rules) { r.Ladder[2].Name = "blue" }, `代码（name）"blue" 重复`},
		{"no label", func(r *Rules) { r.Ladder[0].Label = "" }, "缺少名称"},
		{"no rectify", func(r *Rules) { r.Ladder[0].RectifyWorkdays = 0 }, "限期整改（rectify_workdays）应为 1–60 个工作日，现为 0"},
		{"escalate on deadline", func(r *Rules) { r.Ladder[1].AfterWorkdays = 0 }, "应为 1–60 个工作日，现为 0"},
		{"blue with the press", func(r *Rules) { r.Ladder[0].AfterWorkdays = 0 }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Default()
			tt.edit(&r)
			err := r.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestBook(t *testing.T) {
	strict := Default()
	strict.RemindWorkdays = 5
	b := Book{Default: Default(), Plans: map[int64]Rules{7: strict, 9: {RemindWorkdays: -2}}}
	if got := b.For(7).RemindWorkdays; got != 5 {
		t.Errorf("For(7).RemindWorkdays = %d, want 5", got)
	}
	if got := b.For(8).RemindWorkdays; got != 3 {
		t.Errorf("For(8).RemindWorkdays = %d, want the default 3", got)
	}
	if err := b.Validate(); err == nil || !strings.Contains(err.Error(), "方案 9") {
		t.Errorf("Validate = %v, want the bad plan named", err)
	}
}

func TestReportDue(t *testing.T) {
	cal := workday.Default()
	tests := []struct {
		every, in string
		day       int
		want      string
	}{
		{"month", "2026-03-10", 25, "2026-03-25"},   // a Wednesday
		{"month", "2026-10-10", 25, "2026-10-26"},   // Sunday 25th moves to Monday
		{"month", "2026-02-10", 30, "2026-02-28"},   // past the month's end: the 28th, a Saturday worked (调休上班)
		{"quarter", "2026-08-01", 25, "2026-09-28"}, // 09-25..27 中秋 off
		{"half-year", "2026-02-01", 25, "2026-06-25"},
		{"year", "2026-05-01", 0, "2026-12-31"}, // 0: the period's last day
		{"month", "2026-04-01", 0, "2026-04-30"},
	}
	for _, tt := range tests {
		t.Run(tt.every+"/"+tt.in, func(t *testing.T) {
			p, err := ledger.PeriodOf(tt.every, d(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			r := Default()
			r.ReportDay = tt.day
			if got, _ := ReportDue(r, cal, p); day(got) != tt.want {
				t.Errorf("ReportDue = %s, want %s", day(got), tt.want)
			}
		})
	}
}
