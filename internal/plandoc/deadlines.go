package plandoc

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// timeRule is one shape of time expression: its pattern over the folded,
// quote-masked text and what a match means.
type timeRule struct {
	// need lists literals of which a text must hold one for the rule to
	// match at all: a cheap test that spares most regexp scans.
	need []string
	re   *regexp.Regexp
	// read turns a match (submatch strings of the folded text) into a
	// deadline; ok false rejects the match (a start, a comparison…).
	read func(m []string, year int) (d Deadline, ok bool)
	// from says where a match can start (time_anchors.go).
	from anchor
}

const (
	// completionRe is a verb of finishing right after a bare month: 5月完成
	// and 9月初步建成 set a deadline, while a bare 3月 only names a month
	// (and 3月启动 a start).
	completionRe = `(?:基本|全面|初步|正式|全部|如期)?(?:完成|建成|出台|印发|上线|投运|投用|投入使用|竣工|完工|交付|办结|建立|制定|形成|通过验收)`
	numRe        = `[0-9０-９]`
	yearRe       = `((?:19|20|１９|２０)[0-9０-９]{2})`
	monthRe      = `([0-9０-９]{1,2})`
)

// yearSpan is a span of years, 2024-2026年. In brackets it gives the
// period of a plan or programme the text names (…规划（2021-2025年）), not
// a deadline (periodInBrackets).
var yearSpan = regexp.MustCompile(yearRe + `\s*[\-—－~～]\s*` + yearRe + `年(?:底|末)?(?:前|之前)?`)

// periodInBrackets reports whether f[at:end] stands alone in brackets.
func periodInBrackets(f string, at, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(f[:at])
	after, _ := utf8.DecodeRuneInString(f[end:])
	return (before == '（' || before == '(') && (after == '）' || after == ')')
}

// timeRules are tried in order; a later rule never takes text that an
// earlier one matched.
var timeRules = []timeRule{
	{[]string{"日", "号"}, regexp.MustCompile(`(?:` + yearRe + `年)?` + monthRe + `月` + `([0-9０-９]{1,2})[日号](?:前|之前|以前)?`), readDay, digitRun},
	{[]string{"/", ".", "．"}, regexp.MustCompile(yearRe + `[/.．]` + monthRe + `\s*[~～\-—－至到]\s*` + yearRe + `[/.．]` + monthRe), readSlashRange, yearRun},
	{[]string{"月"}, yearMonthRange, readYearMonthRange, yearRun},
	// 2024-2026年累计完成: a span of years is due at the end of its last.
	{[]string{"-", "—", "－", "~", "～"}, yearSpan, readYearSpan, yearRun},
	{[]string{".", "．", "/", "-"}, figureDate, readFigureDate, yearRun},
	// A month range ends its last month, with or without 月 after its
	// first month: 1-3月份, 9月至11月.
	{[]string{"月"}, regexp.MustCompile(`(?:` + yearRe + `年)?` + monthRe + `(?:月份?)?\s*[\-—－~～至到]\s*` + monthRe + `月份?`), readMonthRange, digitRun},
	// 10月中、下旬: two parts of a month given together end with the later.
	{[]string{"旬"}, regexp.MustCompile(`(?:` + yearRe + `年)?` + monthRe + `月(?:上|中)\s*[、，,和至到\-—]\s*(中|下)旬(?:前|之前|以前)?`), readMonthParts, digitRun},
	{[]string{"月"}, regexp.MustCompile(yearRe + `年` + monthRe + `月份?(底|末|上旬|中旬|下旬|中)?(?:前|之前|以前)?`), readYearMonth, yearRun},
	{[]string{"季度", "半年"}, regexp.MustCompile(`(?:` + yearRe + `年)?(?:第?([一二三四1-4])季度|(上半年|下半年))(?:末|底)?(?:前|之前)?`), readQuarter, anywhere},
	{[]string{"年"}, regexp.MustCompile(yearRe + `年(?:年)?(初|中|底|末)(?:前|之前|以前)?`), readYearPart, yearRun},
	{[]string{"年"}, regexp.MustCompile(yearRe + `年(?:底|末|内)?(?:前|之前|以前)?`), readYear, yearRun},
	{[]string{"月"}, regexp.MustCompile(monthRe + `月份?(底|末|上旬|中旬|下旬)?(?:前|之前|以前)?`), readMonth, digitRun},
	{[]string{"月"}, regexp.MustCompile(monthRe + `月` + completionRe), readMonthDone, digitRun},
	{[]string{"年底", "年末", "年内", "年终"}, regexp.MustCompile(`(?:今年|本年度?|当年)?年(?:底前|底|末前|内|终)`), readThisYear, anywhere},
	// 半年工作小结: the summary of the first half, due at its end (每半年
	// and 上半年 are taken by earlier rules).
	{[]string{"半年"}, regexp.MustCompile(`半年(?:工作)?(?:小结|总结|报告|评估)`), readHalfYear, anywhere},
}

// deadlinesOf finds every deadline and cadence in text, in order of
// appearance, each due date or cadence once.
func deadlinesOf(text string, year int) []Deadline {
	orig := text
	text, origAt := squeezeDateSpaces(text)
	folded := fold(text)
	f := maskQuoted(folded)
	type found struct {
		at, end int
		d       Deadline
	}
	var all []found
	taken := make([]bool, len(f))
	claim := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		for i := a; i < b; i++ {
			taken[i] = true
		}
		return true
	}
	cf := maskBooks(folded)
	for _, c := range cadenceRules {
		if !strings.Contains(cf, c.key) || !containsAny(cf, c.need) {
			continue
		}
		var ms [][]int
		if c.find != nil {
			ms = c.find(cf)
		} else {
			ms = c.re.FindAllStringSubmatchIndex(cf, -1)
		}
		for _, m := range ms {
			if c.ok != nil && !c.ok(cf, m) {
				continue
			}
			at := m[0]
			if len(m) > 2 && m[2] >= 0 {
				at = m[2] // the text starts at the period word, not at the verb
			}
			if claim(at, m[1]) {
				all = append(all, found{at, m[1], Deadline{Text: origSpan(orig, origAt, at, m[1]), Every: cadenceOf(c, cf, m)}})
			}
		}
	}
	for _, p := range planPeriodDeadlines(cf) {
		if at := withLeadIn(cf, p[0]); claim(p[0], p[1]) {
			all = append(all, found{at, p[1], Deadline{Text: origSpan(orig, origAt, at, p[1]), Due: iso(p[2], 12, 31)}})
		}
	}
	runs, years := digitRuns(f)
	for k, r := range timeRules {
		starts := runs
		if r.from == yearRun {
			starts = years
		}
		if r.from != anywhere && len(starts) == 0 || !containsAny(f, r.need) {
			continue
		}
		for _, m := range ruleMatches(k, f, starts) {
			if !startsOK(f, m[0]) || !endsOK(f, m[1]) || !claimFree(taken, m[0], m[1]) || r.re == figureDate && !figureDateEndOK(f[m[1]:]) || reportsState(f, m[0], m[1]) || r.re == yearSpan && periodInBrackets(f, m[0], m[1]) {
				continue
			}
			subs := make([]string, len(m)/2)
			for i := range subs {
				if m[2*i] >= 0 {
					subs[i] = f[m[2*i]:m[2*i+1]]
				}
			}
			d, ok := r.read(subs, relativeYear(f, m[0], year))
			if !ok || !claim(m[0], m[1]) {
				continue
			}
			at := withLeadIn(f, m[0])
			d.Text = origSpan(orig, origAt, at, m[1])
			all = append(all, found{at, m[1], d})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].at < all[j].at })
	var out []Deadline
	seen := map[string]bool{}
	ds := make([]Deadline, 0, len(all))
	for _, x := range all {
		ds = append(ds, x.d)
	}
	if colonAt(orig) >= 0 { // labelledMonths reads "label: value" lines only
		ds = append(ds, labelledMonths(orig, year)...)
	}
	for _, d := range ds {
		key := d.Due + "|" + d.Every
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	return out
}

// colonAt is the index of the first colon (full-width or not) in s, or
// -1; cheaper than strings.IndexAny, which decodes every character.
func colonAt(s string) int {
	i, j := strings.Index(s, "："), strings.IndexByte(s, ':')
	if i < 0 || j >= 0 && j < i {
		return j
	}
	return i
}

// reportsState reports whether the date at f[at:end] dates a state the
// text reports rather than a deadline: 截至3月完成投资2.1亿元 ("as of") and
// 已于5月建成 ("already") tell what was done by then. 截止 names a cut-off
// (截止2024年11月30日) and so a deadline; a date that ends in 前 is one too.
func reportsState(f string, at, end int) bool {
	if strings.HasSuffix(f[at:end], "前") {
		return false
	}
	before := f[:at]
	for _, w := range []string{"于", "在", "到"} {
		if b, ok := strings.CutSuffix(before, w); ok {
			before = b
			break
		}
	}
	for _, w := range []string{"截至", "已", "已经"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// countedTimes reports whether the 次 that ends before is the measure word
// "time(s)" rather than "next": after a numeral (一次, 两次, 3次), 每, 再,
// 多, 首, 本, 此, 该, 这 or 上 it counts occasions, so 一次年底大检查 is a check
// at this year's end, while a 次年 that opens a clause is the next year.
func countedTimes(before string) bool {
	rest, ok := strings.CutSuffix(before, "次")
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return isDigit(r) || isCNDigit(r) || strings.ContainsRune("每再多首本此该这上屡逐依层档批人班名", r)
}

// relativeYear is the year that a date without its own year refers to:
// the plan's year, the next one after 明年, 次年 or 翌年 (次年3月底前,
// 明年底前; the rule for 年底 matches from its 年, after 明/次/翌), or the
// one before after 去年 or 上年.
func relativeYear(f string, at, year int) int {
	if year == 0 {
		return 0
	}
	before := f[:at]
	for _, w := range []string{"明年", "次年", "翌年", "下一年"} {
		if strings.HasSuffix(before, w) && (w != "次年" || !countedTimes(strings.TrimSuffix(before, "年"))) {
			return year + 1
		}
	}
	for _, w := range []string{"去年", "上年", "上一年"} {
		if strings.HasSuffix(before, w) {
			return year - 1
		}
	}
	if strings.HasPrefix(f[at:], "年") {
		for _, w := range []string{"明", "次", "翌"} {
			if strings.HasSuffix(before, w) && (w != "次" || !countedTimes(before)) {
				return year + 1
			}
		}
		if strings.HasSuffix(before, "去") {
			return year - 1
		}
	}
	return year
}

// withLeadIn moves a deadline's start back over the words that introduce
// it (力争到2020年, 于2018年7月底前), so that its text reads as written.
func withLeadIn(f string, at int) int {
	for _, w := range []string{"明年", "次年", "翌年", "下一年", "去年", "上年", "明", "次", "翌", "去"} {
		if strings.HasSuffix(f[:at], w) && (len(w) > len("明") || strings.HasPrefix(f[at:], "年")) {
			if strings.HasPrefix(w, "次") && countedTimes(strings.TrimSuffix(f[:at], "年")) {
				break // 一次年底大检查: 次 counts the check
			}
			at -= len(w)
			break
		}
	}
	for _, w := range []string{"到", "至", "于", "在"} {
		if strings.HasSuffix(f[:at], w) {
			at -= len(w)
			break
		}
	}
	for _, w := range []string{"力争", "争取", "预计"} {
		if strings.HasSuffix(f[:at], w) {
			return at - len(w)
		}
	}
	return at
}

func containsAny(s string, literals []string) bool {
	for _, l := range literals {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

func claimFree(taken []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if taken[i] {
			return false
		}
	}
	return true
}

// startsOK rejects a match glued to a number before it (part of a longer
// figure) or introduced as a start or comparison (自2018年, 比2015年).
func startsOK(f string, at int) bool {
	before := f[:at]
	if before == "" {
		return true
	}
	for _, w := range []string{"每", "自", "从", "比", "较", "与", "同", "-", "—", "~", "至", "第", "近", "前", "后", "连续", "上", "下", "本", "这"} {
		if strings.HasSuffix(before, w) {
			return w == "至" && !endsWithDigit(strings.TrimSuffix(before, w))
		}
	}
	return !endsWithDigit(before)
}

// endsOK rejects a time that starts something (2018年起) or is a
// duration or figure (一年内 is caught by startsOK; 2014年度 here).
func endsOK(f string, end int) bool {
	after := f[end:]
	for _, w := range []string{"起", "开始", "以来", "度", "的", "以后", "后", "同期", "相比", "水平", "-", "—", "~", "年", "月"} {
		if strings.HasPrefix(after, w) {
			return false
		}
	}
	// 2024年至2026年 is a range: only its end is a deadline.
	if rangeEnd.MatchString(after) {
		return false
	}
	return !startsWithDigit(after)
}

var rangeEnd = regexp.MustCompile(`^\s*[至到]\s*(?:19|20|１９|２０)[0-9０-９]{2}`)

func endsWithDigit(s string) bool {
	if s == "" {
		return false
	}
	r := []rune(s)
	return isDigit(r[len(r)-1]) || isCNDigit(r[len(r)-1])
}

func startsWithDigit(s string) bool {
	for _, r := range s {
		return isDigit(r)
	}
	return false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(asciiDigits(s))
	return n
}

func iso(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

func monthEnd(y, m int) string {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

func validYM(y, m int) bool { return y >= 1949 && y <= 2100 && m >= 1 && m <= 12 }
