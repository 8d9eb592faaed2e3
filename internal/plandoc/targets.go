package plandoc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Units a target figure may carry, longest first so that 场次 wins over 场
// and 千瓦时 over 千瓦. A count, an area or a volume may be scaled by 万 or
// 亿 (1万名, 80万平米, 3亿元), and area is given in 公顷 as often as in 亩.
const targetUnits = `%|％|‰|个百分点|个工作日|(?:万|亿)?(?:平方米|平米)|平方公里|(?:万)?(?:人次|户次|家次|车次|架次)|万元|亿元|(?:万|亿)?(?:立方米|千瓦时|千瓦|兆瓦|人|户|亩|名|个|家|件|次|吨|公顷|公頃|辆|套|台|张|株|册)|公里|千米|小时|场次|项|天|篇|所|场|批|条|座|期|份|倍|支|类|本|部`

// figure is a number as printed: digits, optionally grouped in thousands
// by commas (2,500 or 36,000), optionally with decimals.
const figure = `([0-9０-９]+(?:,[0-9]{3})*(?:\.[0-9]+)?)`

var (
	digitTarget = regexp.MustCompile(figure + `(?:\s*[\-—－~～至到]\s*` + figure + `)?\s*(` + targetUnits + `)`)
	// Chinese numerals count only where they clearly give a quantity: the
	// size of an enumeration (…等四个平台) or a frequency (每季度协调一次).
	countTarget = regexp.MustCompile(`等([一二三四五六七八九十两]+)(个|项|类)`)
	// A time limit the task must keep in handling something is a target
	// (最迟5小时内发布, 三个工作日内办结), written in either kind of numeral.
	// Months and years (5年内引进200名) give the horizon of other targets.
	durationTarget = regexp.MustCompile(`([0-9０-９]{1,3}|[一二三四五六七八九十两]+)\s*(个工作日|工作日|天|日|小时|周)(?:之内|以内|内)`)
	// digitTargetAt is digitTarget tried where a run of digits starts: a
	// figure opens with its first digit (time_anchors.go).
	digitTargetAt = regexp.MustCompile(`^(?:` + digitTarget.String() + `)`)
	freqTarget    = regexp.MustCompile(`(?:每[^，。；、]{0,12}?|至少[^，。；、]{0,6}?|不少于)([一二三四五六七八九十两]+)(次)`)
)

// targetsOf finds the quantitative goals of a task's text.
func targetsOf(text string) []Target {
	f := maskProblemFields(maskQuoted(fold(text)))
	var out []Target
	seen := map[string]bool{}
	add := func(at, end int, value float64, unitStart, unitEnd int) {
		unit := text[unitStart:unitEnd]
		key := strconv.FormatFloat(value, 'f', -1, 64) + fold(unit)
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, Target{Text: clauseAround(text, at, end), Value: value, Unit: unit})
	}
	runs, _ := digitRuns(f)
	for _, m := range matchesAt(digitTargetAt, f, runs) {
		if !figureStartOK(f, m[0]) || !figureEndOK(f, m[1]) {
			continue
		}
		num := f[m[2]:m[3]]
		if m[4] >= 0 {
			num = f[m[4]:m[5]] // a range takes its upper bound
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(asciiDigits(num), ",", ""), 64)
		if err != nil {
			continue
		}
		add(m[0], m[1], v, m[6], m[7])
	}
	var durations [][]int
	if strings.Contains(f, "内") { // every time limit ends in 内
		durations = durationTarget.FindAllStringSubmatchIndex(f, -1)
	}
	for _, m := range durations {
		if !figureStartOK(f, m[0]) || strings.HasSuffix(f[:m[0]], "每") || strings.HasSuffix(f[:m[0]], "月") {
			continue
		}
		n, ok := cnNumber(f[m[2]:m[3]])
		if !ok {
			n = atoi(f[m[2]:m[3]])
		}
		if n > 0 {
			add(m[2], m[1], float64(n), m[4], m[5])
		}
	}
	for _, re := range []*regexp.Regexp{countTarget, freqTarget} {
		if !strings.Contains(f, "等") && !strings.Contains(f, "次") {
			break // a count follows 等, a frequency ends in 次
		}
		for _, m := range re.FindAllStringSubmatchIndex(f, -1) {
			if n, ok := cnNumber(f[m[2]:m[3]]); ok {
				add(m[2], m[1], float64(n), m[4], m[5])
			}
		}
	}
	return out
}

// figureStartOK rejects ordinals (第2批), parts of longer numbers and
// figures glued to a year or a document number.
func figureStartOK(f string, at int) bool {
	before := f[:at]
	for _, w := range []string{"第", ".", "〔", "号", "年", "/", "-", "—"} {
		if strings.HasSuffix(before, w) {
			return false
		}
	}
	if memberOf.MatchString(before) || strings.HasSuffix(before, "方面") {
		return false
	}
	return !endsWithDigit(before) || strings.HasSuffix(before, "至")
}

// A figure right after 方面 (知识产权方面5项) tallies the measures a
// notice lists under that field; it says how many there are, not what a
// task must reach.
//
// memberOf ends the text before a figure that counts a national or
// provincial set the task's body joins (列入全国100个试点县, 入选全省50强):
// the figure is the size of that set, not a target of the task.
var memberOf = regexp.MustCompile(`(?:列入|入选|纳入|成为|跻身)[^，,。；;]{0,6}(?:全国|全省)$`)

// figureEndOK rejects a figure that is part of a name or a date (12345热线,
// 3月) — the unit alternatives already exclude 年, 月 and 日.
//
// A "unit" that is the first character of a noun (项目, 人才, 部门) is no
// measure word: 解放路88项目 is a name or a house number, and counts of
// such nouns take their own measure word (8个项目, 20名人才).
//
// A count followed by a colon (改革举措5项：…) is the size of the list
// that follows it, not a goal.
func figureEndOK(f string, end int) bool {
	if rest := strings.TrimLeft(f[end:], " "); strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":") {
		return false
	}
	for _, noun := range gluedNouns {
		_, size := utf8.DecodeRuneInString(noun)
		if strings.HasSuffix(f[:end], noun[:size]) && strings.HasPrefix(f[end:], noun[size:]) {
			return false
		}
	}
	return !startsWithDigit(f[end:])
}

// gluedNouns begin with a character that is also a measure word.
var gluedNouns = []string{"个月", "项目", "人才", "人口", "人民", "人大", "部门", "部署", "台账", "条例", "条件", "期间", "场所", "类型", "批次"}

// clauseAround returns the clause of text (between punctuation marks)
// that holds the byte range [at, end).
func clauseAround(text string, at, end int) string {
	const stops = "。；;，,：:\n"
	start := strings.LastIndexAny(text[:at], stops)
	if start < 0 {
		start = 0
	} else {
		start += len(string([]rune(text[start:])[0]))
	}
	stop := strings.IndexAny(text[end:], stops)
	if stop < 0 {
		stop = len(text)
	} else {
		stop += end
	}
	return trimSpace(text[start:stop])
}
