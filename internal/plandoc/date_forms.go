package plandoc

import (
	"regexp"
	"strings"
)

// Dates written as figures with separators, as tables and web pages print
// them: a range of months (2024年6月—2024年12月, 2024年6月-12月) ends on the
// last day of its last month; a single date (2024.06, 2024-06-30,
// 2024/6/30) is due on that day or at the end of that month.

var (
	// yearMonthRange is "<year>年<month>月 – [<year>年]<month>月".
	yearMonthRange = regexp.MustCompile(yearRe + `年` + monthRe + `月份?\s*[\-—－~～]+\s*(?:` + yearRe + `年)?` + monthRe + `月份?(?:底|末)?(?:前|之前)?`)
	// figureDate is "<year>.<month>[.<day>]" with one kind of separator.
	figureDate = regexp.MustCompile(yearRe + `([./．\-])` + monthRe + `(?:[./．\-]([0-9０-９]{1,2}))?`)
)

func readYearMonthRange(m []string, _ int) (Deadline, bool) {
	y := atoi(m[1])
	if m[3] != "" {
		y = atoi(m[3])
	}
	mo := atoi(m[4])
	if !validYM(y, mo) || m[3] == "" && mo < atoi(m[2]) {
		return Deadline{}, false
	}
	return Deadline{Due: monthEnd(y, mo)}, true
}

func readFigureDate(m []string, _ int) (Deadline, bool) {
	y, mo := atoi(m[1]), atoi(m[3])
	if !validYM(y, mo) {
		return Deadline{}, false
	}
	if m[4] == "" {
		return Deadline{Due: monthEnd(y, mo)}, true
	}
	d := atoi(m[4])
	if d < 1 || d > 31 || iso(y, mo, d) > monthEnd(y, mo) {
		return Deadline{}, false
	}
	return Deadline{Due: iso(y, mo, d)}, true
}

// figureDateEndOK rejects a figure date that goes on as a number or an
// amount (2023.5亿元, 2024.06%).
func figureDateEndOK(after string) bool {
	for _, r := range after {
		return !isDigit(r) && !strings.ContainsRune("亿万千百%％元个.．", r)
	}
	return true
}
