package plandoc

import (
	"regexp"
	"strings"
)

// A responsibility note often carries the task's time as well as its units:
// （责任单位：县教育局，完成时限：2025年8月底前）, （区教育局牵头，区住建局
// 配合，2025年8月底前）, （市工商联牵头，年内建成）. Such a clause names no
// unit; left in, it either becomes a "unit" (完成时限：…) or hides the note's
// framing, which is read at the note's end (…牵头 / all unit names). The
// deadline itself is read from the task's whole text elsewhere.

// timeClause is a clause of a note that gives a time: a time label
// (完成时限：, 整改时限：, 时间：) or a clause opening with a time expression.
var timeClause = regexp.MustCompile(`^(?:(?:完成|整改|办结|落实|推进)?(?:时限|时间|期限)\s*[：:]|(?:到|于|在)?(?:20\d\d\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}月|年内|年底|年末|年中|年初|上半年|下半年|全年|(?:第)?[一二三四1-4]季度|长期|持续|常态|每[年季月周半旬日天]|即日|立即|\d{4}[-./]\d))`)

// timeClauseRunes bounds a time clause: a long clause is prose, not a field.
const timeClauseRunes = 24

// isTimeClause reports whether one clause of a note only gives a time.
func isTimeClause(cl string) bool {
	f := fold(trimSpace(cl))
	return f != "" && len([]rune(f)) <= timeClauseRunes && timeClause.MatchString(f)
}

// dropTimeClauses removes a note's trailing time clauses so that its framing
// (…牵头, …配合, or a list of unit names) is read at the real end of the unit
// part. A note that is nothing but a time stays as it was.
func dropTimeClauses(inner string) string {
	for {
		cut := lastSeparator(inner)
		if cut < 0 || !isTimeClause(inner[cut:]) {
			return inner
		}
		inner = strings.TrimRight(inner[:cut], "；;，, \u3000")
	}
}

// lastSeparator gives the byte offset just after the last clause separator
// of s outside brackets, or -1 when s is one clause.
func lastSeparator(s string) int {
	depth, at := 0, -1
	for i, r := range s {
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			depth = max(depth-1, 0)
		case depth == 0 && strings.ContainsRune("；;，,", r):
			at = i + len(string(r))
		}
	}
	return at
}
