package plandoc

import (
	"reflect"
	"strconv"
	"testing"
)

func TestMatchLabel(t *testing.T) {
	tests := []struct {
		in, kind, label, rest string
	}{
		{"一、总体要求", kindCN, "一", "总体要求"},
		{"二、  主要任务", kindCN, "二", "主要任务"},
		{"（一）指导思想。", kindParenCN, "(一)", "指导思想。"},
		{"(十二)加强", kindParenCN, "(十二)", "加强"},
		{"1.加强政治建设", kindNum, "1", "加强政治建设"},
		{"23．推进", kindNum, "23", "推进"},
		{"9、加强", kindNum, "9", "加强"},
		{"１２．推进", kindNum, "12", "推进"},
		{"（3）彝区", kindParenN, "(3)", "彝区"},
		{"②落实", kindCircled, "②", "落实"},
		{"第一章 总则", kindChapter, "第一章", "总则"},
		{"第十六条 【实施时间】", kindArticle, "第十六条", "【实施时间】"},
		{"第三部分", kindChapter, "第三部分", ""},
	}
	for _, tt := range tests {
		kind, label, n := matchLabel(tt.in)
		if kind != tt.kind || label != tt.label || tt.in[n:] != tt.rest {
			t.Errorf("matchLabel(%q) = %q %q %q, want %q %q %q", tt.in, kind, label, tt.in[n:], tt.kind, tt.label, tt.rest)
		}
	}
	for _, in := range []string{"2018年底前", "1.5万人", "12345热线", "一是加强", "（试行）", "第一批", "统一规范", "2018.6"} {
		if _, _, n := matchLabel(in); n != 0 {
			t.Errorf("matchLabel(%q) took it for a label", in)
		}
	}
}

func TestDeadlines(t *testing.T) {
	tests := []struct {
		text string
		year int
		want []string // due dates or "every:<cadence>"
	}{
		{"2018年底前完成", 2017, []string{"2018-12-31"}},
		{"6月底前出台", 2016, []string{"2016-06-30"}},
		{"2019年3月底前", 2018, []string{"2019-03-31"}},
		{"力争到2020年，基本建成", 2014, []string{"2020-12-31"}},
		{"至2020年", 2014, []string{"2020-12-31"}},
		{"(1-3月份)", 2016, []string{"2016-03-31"}},
		{"年内完成", 2017, []string{"2017-12-31"}},
		{"上半年", 2015, []string{"2015-06-30"}},
		{"第二季度末前", 2015, []string{"2015-06-30"}},
		{"2016年年初", 2016, []string{"2016-01-31"}},
		{"12月前", 2016, []string{"2016-12-31"}},
		{"2021/01 ~ 2021/12", 2021, []string{"2021-12-31"}},
		{"10月中旬", 2014, []string{"2014-10-20"}},
		{"每年至少一次", 2014, []string{"every:year"}},
		{"每季度通报", 2014, []string{"every:quarter"}},
		{"一月一督查", 2014, []string{"every:month"}},
		{"每半年汇总", 2014, []string{"every:half-year"}},
		{"逐年推进", 2018, []string{"every:year"}},
		{"制定年度政府立法计划", 2018, []string{"every:year"}},
		{"实现年初有清单、年中有督查、年末有考评、全年有台账", 2018, []string{"every:year"}},
		{"每月25日前报送进展", 2018, []string{"every:month"}},
		// Not deadlines: a start, a duration, vague times, names and years of other things.
		{"2018年起各级政府文件数量不得增加", 2018, nil},
		{"最迟5小时内发布权威信息", 2017, nil},
		{"适时调整，定期清理，及时公开，逐步推开", 2017, nil},
		{"落实《2017年政务公开工作要点》", 2017, nil},
		{"力争在一年内开展一次培训", 2017, nil},
		{"2014年度30项重大产业项目", 2014, nil},
		{"比2015年下降", 2016, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range deadlinesOf(tt.text, tt.year) {
			if d.Every != "" {
				got = append(got, "every:"+d.Every)
			} else {
				got = append(got, d.Due)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestUnits(t *testing.T) {
	tests := []struct {
		text        string
		units, lead []string
	}{
		{"加强。（责任单位：市政府各部门党委〔党组〕，各县〔市、区〕政府党组）",
			[]string{"市政府各部门党委〔党组〕", "各县〔市、区〕政府党组"}, nil},
		{"推进。（市审计局牵头落实）", []string{"市审计局"}, []string{"市审计局"}},
		{"推进。(市财政〈地税〉局、市国税局和各地政府按职责分工分别牵头落实)",
			[]string{"市财政〈地税〉局", "市国税局", "各地政府"}, []string{"市财政〈地税〉局", "市国税局", "各地政府"}},
		{"推进。（责任单位：市编委办、市发展改革委等市级有关部门，各县〔市、区〕政府）",
			[]string{"市编委办", "市发展改革委", "市级有关部门", "各县〔市、区〕政府"}, nil},
		{"加强。(市政府党组,市政府各部门党委<党组>)", []string{"市政府党组", "市政府各部门党委<党组>"}, nil},
		{"落实。（市发改委牵头，市财政局、市统计局配合）", []string{"市发改委", "市财政局", "市统计局"}, []string{"市发改委"}},
		{"整合。（牵头单位：市人力资源和社会保障局；配合单位：市财政局）", []string{"市人力资源和社会保障局", "市财政局"}, []string{"市人力资源和社会保障局"}},
		{"工作。\n牵头单位：办公室、人事处\n责任单位：各处（室、委）", []string{"办公室", "人事处", "各处（室、委）"}, []string{"办公室", "人事处"}},
		{"推进。（责任单位：市发改委（牵头）、市财政局（配合））", []string{"市发改委", "市财政局"}, []string{"市发改委"}},
		// Prose that mentions bodies, and brackets that are no notes.
		{"市府办、市编委办会同有关部门制定方案。", nil, nil},
		{"落实《实施办法（试行）》，推进乡镇（街道）工作。", nil, nil},
		{"推进政府和社会资本合作（PPP）项目信息公开。", nil, nil},
	}
	for _, tt := range tests {
		var units, lead []string
		for _, n := range notesOf(tt.text) {
			units = appendNew(units, n.units...)
			lead = appendNew(lead, n.lead...)
		}
		if !reflect.DeepEqual(units, tt.units) || !reflect.DeepEqual(lead, tt.lead) {
			t.Errorf("notesOf(%q) = %q lead %q, want %q lead %q", tt.text, units, lead, tt.units, tt.lead)
		}
	}
}

func TestTargets(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"城镇污水处理率达93%以上", []string{"93 %"}},
		{"每年确定10个左右重点课题", []string{"10 个"}},
		{"每年形成1-2个研究成果", []string{"2 个"}},
		{"建设综治工作、市场监管、综合执法、便民服务等四个平台", []string{"4 个"}},
		{"每季度协调一次工作", []string{"1 次"}},
		{"新建80万平米保障房", []string{"80 万平米"}},
		{"最迟5小时内发布", []string{"5 小时"}},
		// Names with numbers, ordinals and years are not targets.
		{"深化“最多跑一次”改革，建设“四个平台”，第一批、第2批", nil},
		{"依托12345热线，2018年完成", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, g := range targetsOf(tt.text) {
			got = append(got, strconv.FormatFloat(g.Value, 'f', -1, 64)+" "+g.Unit)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("targetsOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
