package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A bare month ("6月") names a month, not a deadline, in running prose. In a
// field that holds nothing but the task's time — a 时限 column of a task
// table, or a labelled line (完成时限：6月) — it can only mean "by the end of
// that month"; and a bare period word there (季度) says how often.

// timeLabel introduces a task's time on a line of its own or in a note.
var timeLabel = regexp.MustCompile(`(?:完成时限|时限要求|完成时间|时间节点|时间要求|截止时间|办结时限|时限)\s*[：:]\s*$`)

// bareMonths is a cell or field of bare months: 6月, 3月份, 6月、12月.
var bareMonths = regexp.MustCompile(`^(?:[0-9０-９]{1,2}月份?\s*[、，,和及]?\s*)+$`)

var monthInField = regexp.MustCompile(`([0-9０-９]{1,2})月份?`)

// cellPeriods are the period words that fill a time or frequency cell on
// their own (频次：季度) and then say how often the task recurs.
var cellPeriods = map[string]string{"年度": EveryYear, "年": EveryYear, "半年": EveryHalfYear, "半年度": EveryHalfYear, "季度": EveryQuarter, "季": EveryQuarter, "月度": EveryMonth, "月": EveryMonth}

// timeCellDeadlines reads the deadlines of a cell of a time column.
func timeCellDeadlines(v string, year int) []Deadline {
	if ds := deadlinesOf(v, year); len(ds) > 0 {
		return ds
	}
	cell := trimSpace(v)
	if every, ok := cellPeriods[fold(cell)]; ok {
		return []Deadline{{Text: cell, Every: every}}
	}
	return bareMonthDeadlines(cell, year)
}

// bareMonthDeadlines reads a field made only of bare months, each due at
// the end of its month in the plan year.
func bareMonthDeadlines(field string, year int) []Deadline {
	f := fold(field)
	if year == 0 || !bareMonths.MatchString(f) {
		return nil
	}
	var out []Deadline
	for _, m := range monthInField.FindAllStringSubmatchIndex(f, -1) {
		if mo := atoi(f[m[2]:m[3]]); validYM(year, mo) {
			out = append(out, Deadline{Text: field[m[0]:m[1]], Due: monthEnd(year, mo)})
		}
	}
	return out
}

// labelledMonths reads the bare months of labelled time lines of a task's
// text (完成时限：9月).
func labelledMonths(text string, year int) []Deadline {
	var out []Deadline
	for ln := range strings.SplitSeq(text, "\n") {
		// Folding keeps colons, and every time label holds 时 (時): test
		// the raw line before folding and matching it.
		i := colonAt(ln)
		if i < 0 || !strings.Contains(ln[:i], "时") && !strings.Contains(ln[:i], "時") {
			continue
		}
		_, size := utf8.DecodeRuneInString(ln[i:])
		if !timeLabel.MatchString(fold(ln[:i+size])) {
			continue
		}
		rest := trimSpace(strings.TrimRight(trimSpace(ln[i+size:]), "。；;"))
		out = append(out, bareMonthDeadlines(rest, year)...)
	}
	return out
}
