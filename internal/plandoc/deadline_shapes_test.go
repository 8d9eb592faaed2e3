package plandoc

import (
	"reflect"
	"testing"
)

func TestDatesWithSpaces(t *testing.T) {
	tests := []struct {
		text     string
		want     []string
		wantText string
	}{
		{"力争于 2026 年底前全面建成", []string{"2026-12-31"}, "力争于 2026 年底前"},
		{"在 2027 年中完成主体工程", []string{"2027-06-30"}, "在 2027 年中"},
		{"2025 年 9 月底前出台细则", []string{"2025-09-30"}, "2025 年 9 月底前"},
		{"于 2024 年 11 月 15 日前报送", []string{"2024-11-15"}, "于 2024 年 11 月 15 日前"},
		{"11 月底前完成摸底", []string{"2021-11-30"}, "11 月底前"},
		// Spaces between two figures are not squeezed: they are two numbers.
		{"比 2020 年增长 5 个百分点", nil, ""},
	}
	for _, tt := range tests {
		ds := deadlinesOf(tt.text, 2021)
		if got := deadlineKeys(ds); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		if len(ds) > 0 && ds[0].Text != tt.wantText {
			t.Errorf("deadlinesOf(%q) text %q, want %q", tt.text, ds[0].Text, tt.wantText)
		}
	}
}

func TestBareMonthWithCompletion(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"争取8月完成招标", []string{"2022-08-31"}},
		{"11月初步建成监测平台", []string{"2022-11-30"}},
		{"3月中旬完成摸底", []string{"2022-03-20"}},
		{"12月份前完成", []string{"2022-12-31"}},
		// A bare month, or a month that starts something, sets no deadline.
		{"每年3月组织开展宣传周活动", []string{"every:year"}},
		{"6月启动试点", nil},
		{"于7月召开推进会", nil},
	}
	for _, tt := range tests {
		if got := deadlineKeys(deadlinesOf(tt.text, 2022)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPartsOfPeriods(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"11月上、中旬组织验收", []string{"2022-11-20"}},
		{"2023年4月中、下旬完成评审", []string{"2023-04-30"}},
		{"按时报送半年工作总结和年终工作总结", []string{"2022-06-30", "2022-12-31"}},
		{"每半年报送工作总结", []string{"every:half-year"}},
		{"上半年工作总结", []string{"2022-06-30"}},
	}
	for _, tt := range tests {
		if got := deadlineKeys(deadlinesOf(tt.text, 2022)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRelativeAndRangedYears(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// 次年/明年 refer to the year after the plan's.
		{"次年2月底前报送上年度工作总结", []string{"2023-02-28"}},
		{"力争明年底前全面完成", []string{"2023-12-31"}},
		{"今年底前完成", []string{"2022-12-31"}},
		{"去年12月底前已完成摸底", []string{"2021-12-31"}},
		{"去年底已建成", []string{"2021-12-31"}},
		// A range of years ends with its last year.
		{"2023年至2025年，累计改造管网60公里", []string{"2025-12-31"}},
		// Full-width figures and 号 for 日.
		{"２０２４年底前建成", []string{"2024-12-31"}},
		{"9月15号前报送", []string{"2022-09-15"}},
		// A document number is no date.
		{"按照县政发〔2022〕15号文件执行", nil},
	}
	for _, tt := range tests {
		if got := deadlineKeys(deadlinesOf(tt.text, 2022)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestBareMonthsInTimeFields(t *testing.T) {
	tests := []struct {
		name string
		got  []Deadline
		want []string
	}{
		{"labelled line", deadlinesOf("开展排查。\n完成时限：9月", 2022), []string{"2022-09-30"}},
		{"labelled line with two months", deadlinesOf("时间节点：3月、10月", 2022), []string{"2022-03-31", "2022-10-31"}},
		{"label with a long-term time", deadlinesOf("完成时限：长期", 2022), nil},
		{"time column cell", timeCellDeadlines("11月", 2022), []string{"2022-11-30"}},
		{"time column cell with a full date", timeCellDeadlines("2023年3月", 2022), []string{"2023-03-31"}},
		{"prose month", deadlinesOf("9月组织开展宣传活动", 2022), nil},
		{"time column cell with a period word", timeCellDeadlines("季度", 2022), []string{"every:quarter"}},
		{"time column cell with a long-term time", timeCellDeadlines("长期", 2022), nil},
	}
	for _, tt := range tests {
		if got := deadlineKeys(tt.got); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestQuartersAndPlanPeriods(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"三季度末前完成验收", []string{"2022-09-30"}},
		{"2023年一季度启用", []string{"2023-03-31"}},
		{"对照上一季度的问题清单", nil},
		{"到“十四五”末，基本建成", []string{"2025-12-31"}},
		{"十五五期末实现全覆盖", []string{"2030-12-31"}},
		// The period as the plan's context, or another plan's name.
		{"“十四五”时期是关键期，落实“十四五”规划", nil},
	}
	for _, tt := range tests {
		if got := deadlineKeys(deadlinesOf(tt.text, 2022)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFigureDatesAndMonthRanges(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"实施期：2023年4月—2023年11月", []string{"2023-11-30"}},
		{"2023年9月-12月完成", []string{"2023-12-31"}},
		{"2023年10月—2024年3月", []string{"2024-03-31"}},
		{"完成时间（2023.09）", []string{"2023-09-30"}},
		{"2023-10-15前上报", []string{"2023-10-15"}},
		{"截止2023/11/30", []string{"2023-11-30"}},
		// Amounts, impossible days and year spans are no dates.
		{"完成投资2023.5亿元", nil},
		{"2023.2.30", nil},
		{"《三年行动计划（2023-2025年）》", nil},
	}
	for _, tt := range tests {
		if got := deadlineKeys(deadlinesOf(tt.text, 2023)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
