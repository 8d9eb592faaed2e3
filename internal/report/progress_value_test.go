package report

import "testing"

func TestParseTaskID(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"101", 101, true},
		{" 101 ", 101, true},
		{"１０１", 101, true},
		{"101.0", 101, true},
		{"1.01E2", 101, true},
		{"0", 0, false},
		{"-3", 0, false},
		{"1.5", 0, false},
		{"abc", 0, false},
		{"9223372036854775807", 9223372036854775807, true},
		{"1e300", 0, false},
	}
	for _, tt := range tests {
		if got, ok := parseTaskID(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("parseTaskID(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParsePercent(t *testing.T) {
	tests := []struct {
		c    xcell
		want float64
		ok   bool
	}{
		{xcell{text: "0.6", number: true, percent: true}, 60, true},
		{xcell{text: "0.625", number: true, percent: true}, 62.5, true},
		{xcell{text: "1", number: true, percent: true}, 100, true},
		{xcell{text: "0.6", number: true}, 0.6, true}, // a plain 0.6 is 0.6 %, not a guess at 60 %
		{xcell{text: "60", number: true}, 60, true},
		{xcell{text: "60%"}, 60, true},
		{xcell{text: "60 %"}, 60, true},
		{xcell{text: "６０％"}, 60, true},
		{xcell{text: "62.5%"}, 62.5, true},
		{xcell{text: "120%"}, 120, true}, // in range is the caller's check
		{xcell{text: "NaN"}, 0, false},
		{xcell{text: "Inf"}, 0, false},
		{xcell{text: "过半"}, 0, false},
		{xcell{text: "60%%"}, 0, false},
	}
	for _, tt := range tests {
		if got, ok := parsePercent(tt.c); got != tt.want || ok != tt.ok {
			t.Errorf("parsePercent(%+v) = %v, %v; want %v, %v", tt.c, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalizeHeader(t *testing.T) {
	tests := map[string]string{
		"进展情况":          "进展情况",
		"进 展 情 况":       "进展情况",
		"*完成比例":         "完成比例",
		"完成比例（%）":       "完成比例",
		"完成比例(%)":       "完成比例",
		"完成比例%":         "完成比例",
		"进展情况\n（截至6月底）": "进展情况",
		"本期进展【必填】":      "本期进展",
		"任务ID":          "任务id",
		"任务ＩＤ":          "任务id",
		"　任务编号　":        "任务编号",
	}
	for in, want := range tests {
		if got := normalizeHeader(in); got != want {
			t.Errorf("normalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsPercentFormat(t *testing.T) {
	tests := map[string]bool{
		"0%":         true,
		"0.0%":       true,
		"#,##0.00%":  true,
		`0"%"`:       false,
		`0\%`:        false,
		`0.0"%";-0%`: false,
		"0;-0%":      false,
		"General":    false,
		"yyyy-mm-dd": false,
		`"完成"0%`:     true,
		`[Red]0.0%`:  true,
	}
	for code, want := range tests {
		if got := isPercentFormat(code); got != want {
			t.Errorf("isPercentFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestUnescapeXString(t *testing.T) {
	tests := map[string]string{
		"plain":         "plain",
		"一_x000D_\n二":   "一\r\n二",
		"_x005F_x000D_": "_x000D_", // _x005F_ is "_", so x000D_ stays literal
		"a_x":           "a_x",
		"_xZZZZ_":       "_xZZZZ_",
	}
	for in, want := range tests {
		if got := unescapeXString(in); got != want {
			t.Errorf("unescapeXString(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestColumnIndex(t *testing.T) {
	tests := map[string]int{"A1": 0, "I3": 8, "Z9": 25, "AA1": 26, "ab12": 27, "XFD1": 16383}
	for ref, want := range tests {
		if got, err := columnIndex(ref); err != nil || got != want {
			t.Errorf("columnIndex(%q) = %d, %v; want %d", ref, got, err, want)
		}
	}
	for _, bad := range []string{"", "12", "XFE1", "AAAA1"} {
		if _, err := columnIndex(bad); err == nil {
			t.Errorf("columnIndex(%q) accepted", bad)
		}
	}
}

func TestCellName(t *testing.T) {
	tests := map[[2]int]string{{0, 1}: "A1", {8, 3}: "I3", {25, 9}: "Z9", {26, 1}: "AA1", {701, 2}: "ZZ2", {702, 2}: "AAA2", {16383, 5}: "XFD5"}
	for in, want := range tests {
		if got := cellName(in[0], in[1]); got != want {
			t.Errorf("cellName(%d, %d) = %q, want %q", in[0], in[1], got, want)
		}
	}
}
