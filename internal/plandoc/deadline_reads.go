package plandoc

import "strings"

// Readers for the timeRules of deadlines.go: each turns the submatches of
// one shape of time expression into a due date.

func yearOr(s string, year int) int {
	if s == "" {
		return year
	}
	return atoi(s)
}

func readDay(m []string, year int) (Deadline, bool) {
	y, mo, d := yearOr(m[1], year), atoi(m[2]), atoi(m[3])
	if !validYM(y, mo) || d < 1 || d > 31 {
		return Deadline{}, false
	}
	return Deadline{Due: iso(y, mo, d)}, true
}

func readSlashRange(m []string, _ int) (Deadline, bool) {
	y, mo := atoi(m[3]), atoi(m[4])
	if !validYM(y, mo) {
		return Deadline{}, false
	}
	return Deadline{Due: monthEnd(y, mo)}, true
}

func readMonthRange(m []string, year int) (Deadline, bool) {
	y, from, to := yearOr(m[1], year), atoi(m[2]), atoi(m[3])
	if !validYM(y, to) || from < 1 || from > to {
		return Deadline{}, false
	}
	return Deadline{Due: monthEnd(y, to)}, true
}

func readYearMonth(m []string, _ int) (Deadline, bool) {
	y, mo := atoi(m[1]), atoi(m[2])
	if !validYM(y, mo) {
		return Deadline{}, false
	}
	return Deadline{Due: partOfMonth(y, mo, m[3])}, true
}

func partOfMonth(y, mo int, part string) string {
	switch part {
	case "上旬":
		return iso(y, mo, 10)
	case "中旬", "中":
		return iso(y, mo, 20)
	}
	return monthEnd(y, mo)
}

func readQuarter(m []string, year int) (Deadline, bool) {
	y := yearOr(m[1], year)
	switch m[2] {
	case "一", "1":
		return Deadline{Due: iso(y, 3, 31)}, true
	case "二", "2":
		return Deadline{Due: iso(y, 6, 30)}, true
	case "三", "3":
		return Deadline{Due: iso(y, 9, 30)}, true
	case "四", "4":
		return Deadline{Due: iso(y, 12, 31)}, true
	}
	if m[3] == "上半年" {
		return Deadline{Due: iso(y, 6, 30)}, true
	}
	return Deadline{Due: iso(y, 12, 31)}, true
}

// readYearPart reads 2016年年初 (taken as the end of January), 年中 (end of
// June) and 年底/年末.
func readYearPart(m []string, _ int) (Deadline, bool) {
	y := atoi(m[1])
	if !validYM(y, 1) {
		return Deadline{}, false
	}
	switch m[2] {
	case "初":
		return Deadline{Due: iso(y, 1, 31)}, true
	case "中":
		return Deadline{Due: iso(y, 6, 30)}, true
	}
	return Deadline{Due: iso(y, 12, 31)}, true
}

func readYear(m []string, _ int) (Deadline, bool) {
	y := atoi(m[1])
	if !validYM(y, 12) {
		return Deadline{}, false
	}
	return Deadline{Due: iso(y, 12, 31)}, true
}

func readMonth(m []string, year int) (Deadline, bool) {
	mo := atoi(m[1])
	if m[2] == "" && !strings.HasSuffix(m[0], "前") && !strings.Contains(m[0], "份") {
		return Deadline{}, false // a bare 3月 names a month, not a deadline
	}
	if !validYM(year, mo) {
		return Deadline{}, false
	}
	return Deadline{Due: partOfMonth(year, mo, m[2])}, true
}

// readMonthDone reads a bare month followed by a verb of finishing (5月完成):
// the work is due by the end of that month.
func readMonthDone(m []string, year int) (Deadline, bool) {
	mo := atoi(m[1])
	if !validYM(year, mo) {
		return Deadline{}, false
	}
	return Deadline{Due: monthEnd(year, mo)}, true
}

// readMonthParts reads two parts of a month given together (10月中、下旬):
// due at the end of the later part.
func readMonthParts(m []string, year int) (Deadline, bool) {
	y, mo := yearOr(m[1], year), atoi(m[2])
	if !validYM(y, mo) {
		return Deadline{}, false
	}
	return Deadline{Due: partOfMonth(y, mo, m[3]+"旬")}, true
}

// readHalfYear reads a first-half summary (半年工作小结): due at the end
// of June of the plan year.
func readHalfYear(_ []string, year int) (Deadline, bool) {
	if year == 0 {
		return Deadline{}, false
	}
	return Deadline{Due: iso(year, 6, 30)}, true
}

func readThisYear(_ []string, year int) (Deadline, bool) {
	if year == 0 {
		return Deadline{}, false
	}
	return Deadline{Due: iso(year, 12, 31)}, true
}

// readYearSpan reads 2024-2026年 as due at the end of its last year; a
// span that runs backwards is no span.
func readYearSpan(m []string, _ int) (Deadline, bool) {
	from, to := atoi(m[1]), atoi(m[2])
	if !validYM(to, 12) || from >= to {
		return Deadline{}, false
	}
	return Deadline{Due: iso(to, 12, 31)}, true
}
