package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The period words 年度, 季度 and 月度 mark a cadence only next to an
// activity (季度通报) or after a verb that orders one (召开季度分析会). They
// are found with strings.Index and vetted in a short window around them:
// a regexp that begins with the verb alternation has no literal prefix and
// would be tried at every byte of every task.

// orderVerbs order an activity to be held or a document to be made.
var orderVerbs = []string{"召开", "开展", "组织", "举办", "举行", "实行", "推行", "建立", "健全", "制定", "编制", "编报", "报送", "提交", "发布", "公布", "公开", "做好", "进行", "形成", "出具", "撰写", "落实", "执行", "坚持"}

// A budget recurs only when the task orders it made: 编制/编报/落实年度预算
// is yearly work. Without an ordering verb the budget is a source or a
// frame (纳入/列入年度预算, 由年度预算安排, 从年度预算中列支), and executing
// it (执行/坚持年度预算) is a standing duty, not a recurring act.
var standingVerbs = []string{"执行", "坚持"}

// placeWords may stand between the verb and the period word (建立全市年度…).
var placeWords = []string{"全市", "全区", "全县", "全省", "全镇", "本级", "本部门", "本单位"}

var (
	// orderedTail is what follows a period word after an ordering verb:
	// a short name ending in a plan, report or meeting.
	orderedTail = regexp.MustCompile(`^(?:年度|季度|月度)[^，,。；;：:、\n0-9０-９]{0,14}(计划|方案|要点|清单|会|` + activity + `)`)
	// gluedTail is an activity glued to the period word: 季度通报.
	gluedTail = regexp.MustCompile(`^(?:年度|季度|月度)(` + activity + `)(?:计划|方案)?`)
)

// orderedPeriods finds "verb [place] period … activity" (制定年度立法工作
// 计划) in f, as submatch indexes: the whole match, then the period word.
func orderedPeriods(f string) [][]int {
	return periodMatches(f, orderedTail, true)
}

// gluedPeriods finds a period word glued to its activity (年度考核).
func gluedPeriods(f string) [][]int {
	return periodMatches(f, gluedTail, false)
}

// periodMatches scans f for period words and keeps those whose tail
// matches; with verb set, an ordering verb must stand right before them.
// Matches do not overlap, as with FindAllStringSubmatchIndex.
func periodMatches(f string, tail *regexp.Regexp, verb bool) [][]int {
	var out [][]int
	end := 0
	for from := 0; ; {
		p := nextPeriodWord(f, from)
		if p < 0 {
			return out
		}
		from = p + len("年度")
		if p < end {
			continue
		}
		t := tail.FindStringSubmatchIndex(f[p:])
		if t == nil {
			continue
		}
		start := p
		v := verbBefore(f[:p])
		if verb {
			if v == "" {
				continue
			}
			start = p - len(v) - len(placeBefore(f[:p]))
		}
		if start < end {
			continue
		}
		if isBudget(f[p+t[2] : p+t[3]]) {
			if !budgetVerb(v) {
				continue
			}
		}
		out = append(out, []int{start, p + t[1], p, p + len("年度")})
		end, from = p+t[1], p+t[1]
	}
}

// nextPeriodWord is the byte index of the next 年度, 季度 or 月度 in f at or
// after from, or -1.
func nextPeriodWord(f string, from int) int {
	for from < len(f) {
		i := strings.Index(f[from:], "度")
		if i < 0 {
			return -1
		}
		at := from + i
		r, size := utf8.DecodeLastRuneInString(f[:at])
		if r == '年' || r == '季' || r == '月' {
			return at - size
		}
		from = at + len("度")
	}
	return -1
}

// placeBefore is the place word that ends before, if any.
func placeBefore(before string) string {
	for _, w := range placeWords {
		if strings.HasSuffix(before, w) {
			return w
		}
	}
	return ""
}

// verbBefore is the ordering verb that ends before, possibly followed by a
// place word, or "".
func verbBefore(before string) string {
	before = strings.TrimSuffix(before, placeBefore(before))
	for _, v := range orderVerbs {
		if strings.HasSuffix(before, v) {
			return v
		}
	}
	return ""
}

func isBudget(activity string) bool { return activity == "预算" || activity == "决算" }

func budgetVerb(v string) bool {
	if v == "" {
		return false
	}
	for _, b := range standingVerbs {
		if v == b {
			return false
		}
	}
	return true
}
