package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Cadences: how often a task recurs. Plans write them explicitly (每季度,
// 按月, 逐年), as idioms (一季一督查, 一年一考核, often in quotation marks
// as the name of a practice: 推行“一月一督查一通报”), or as the period word
// of a recurring activity the task orders (召开季度分析会, 开展季度巡查,
// 编制年度预算, 建立月通报机制). A period word that only qualifies the
// subject a text talks about (年度计划任务完成情况, 年度目标) is no cadence.

// cadenceRule is one shape of cadence over the folded text whose book
// titles are masked; ok, when set, vets each match in its context.
type cadenceRule struct {
	// key is a character every match holds, tested before need.
	key string
	// need lists literals of which the text must hold one; for the rules
	// of fixed words they are the openings of every alternative.
	need  []string
	re    *regexp.Regexp
	every string
	ok    func(f string, m []int) bool
	// find, when set, replaces re: it returns submatch indexes as
	// FindAllStringSubmatchIndex does.
	find func(f string) [][]int
}

// periodWord maps the period words of an ordered activity to cadences.
var periodWord = map[string]string{"年度": EveryYear, "季度": EveryQuarter, "月度": EveryMonth, "季": EveryQuarter, "月": EveryMonth}

const (
	// activity names a recurring piece of work: a report, a check, an
	// assessment, a budget, a meeting.
	activity = `报告|考核|考评|评估|评议|预算|决算|总结|通报|督查|督导|巡查|抽查|检查|核查|公告|报表|统计|培训|调度|讲评|点评|例会|会议|大会|[析进度谈布席评]会`
)

var cadenceRules = []cadenceRule{
	{"年", []string{"每半年", "半年一", "每年两次"}, regexp.MustCompile(`每半年|半年一(?:次|评[估议价]?|考[核评]?|报告?|督[查导]?)|每年两次`), EveryHalfYear, nil, nil},
	{"季", []string{"每季", "按季", "一季一", "逐季"}, regexp.MustCompile(`每季度?|按季度?|一季一(?:督查|考核|评估|通报|调度|报告|督导|检查|次)?|逐季`), EveryQuarter, nil, nil},
	{"月", []string{"每月", "每个月", "按月", "一月一", "逐月"}, regexp.MustCompile(`每个?月|按月|一月一(?:督查|考核|评估|通报|调度|报告|督导|检查|次)?|逐月`), EveryMonth, nil, nil},
	{"年", []string{"每年", "每一年", "逐年", "按年度", "一年一", "年初有清单"}, regexp.MustCompile(`每一?年度?|逐年|按年度|一年一(?:次|考[核评]?|评[估议价]?|督[查导]?|报告?)|年初有清单[^。；]*?年末有考[核评]`), EveryYear, notAccordingTo, nil},
	// 制定年度立法工作计划, 召开季度经济运行分析会: a verb orders a plan,
	// report or meeting of the period. A plan's name without such a verb
	// (年度计划编制质量, 符合年度计划任务) is the subject of the text.
	{"度", []string{"年度", "季度", "月度"}, nil, "", periodNotAYear, orderedPeriods},
	// 季度通报, 年度考核, 月度调度: the period word glued to the activity.
	{"度", []string{"年度", "季度", "月度"}, nil, "", periodNotAYear, gluedPeriods},
	// 建立月通报机制, 季调度: a one-character period word glued to the
	// activity, not preceded by a numeral (6月通报 is in June).
	{"", []string{"月", "季"}, regexp.MustCompile(`(月|季)(?:通报|调度|例会|讲评|点评|督查|巡查|抽查|报告)`), "", periodNotAYear, nil},
}

// periodNotAYear vets a period word (the first submatch): 2018年度考核
// names a year, 第一季度通报 a quarter, 6月通报 a month, 三个月 a span.
func periodNotAYear(f string, m []int) bool {
	before := f[:m[2]]
	r, _ := utf8.DecodeLastRuneInString(before)
	if before != "" && (isDigit(r) || isCNDigit(r) || strings.ContainsRune("年第个每按逐本上下当次同前后近连", r)) {
		return false
	}
	// 年度考核结果, 季度检查情况, 年度考核办法: the activity qualifies an
	// outcome or a rule that the text mentions; it is not ordered here.
	after := f[m[1]:]
	for _, w := range []string{"结果", "情况", "等次", "等级", "成绩", "指标", "办法", "细则", "数据", "优秀", "合格"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	return true
}

// notAccordingTo rejects 按年度 when 按 governs a plan that follows
// (按年度计划下拨资金: according to the annual plan), where 按年度向市政府报告
// reports every year.
func notAccordingTo(f string, m []int) bool {
	if f[m[0]:m[1]] != "按年度" {
		return true
	}
	after := f[m[1]:]
	for _, w := range []string{"计划", "方案", "目标", "任务", "预算", "安排"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	return true
}

// cadenceOf is the cadence of a match of rule c: its fixed one, or that of
// the period word it captured.
func cadenceOf(c cadenceRule, f string, m []int) string {
	if c.every != "" {
		return c.every
	}
	return periodWord[f[m[2]:m[3]]]
}

// maskBooks blanks the contents of book titles 《…》 only: a cadence in a
// quotation names a practice the task adopts (“一季一督查”), while one in
// a book title is part of another document's name (《年度考核办法》).
func maskBooks(s string) string {
	if !strings.Contains(s, "《") {
		return s
	}
	b := []byte(s)
	depth := 0
	for i, r := range s {
		switch r {
		case '《':
			depth++
			continue
		case '》':
			depth = max(depth-1, 0)
			continue
		}
		if depth > 0 {
			_, size := utf8.DecodeRuneInString(s[i:]) // not len(string(r)): an invalid byte is one byte
			for k := i; k < i+size; k++ {
				b[k] = ' '
			}
		}
	}
	return string(b)
}
