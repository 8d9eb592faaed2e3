package plandoc

import (
	"regexp"
	"strings"
)

// Chinese plans name their horizon by the five-year plan period: 到“十四五”末,
// “十三五”期末, 至十四五末期. The period 十N五 runs from 1950+5N+1 to
// 1950+5N+5 (十三五: 2016-2020), so its end is a due date like 到2025年.
// Only the period's end counts: “十四五”时期 or 十四五规划 name the plan's
// context or another document, not a deadline.
var planPeriodEnd = regexp.MustCompile(`[“"]?十([一二三四五六七八九])五[”"]?(?:规划)?(?:期末|末期|末|时期末)(?:前|之前)?`)

// planPeriodDeadlines finds the ends of five-year plan periods in the
// folded, book-masked text f: byte spans and due dates.
func planPeriodDeadlines(f string) [][3]int {
	if !strings.Contains(f, "五") {
		return nil
	}
	var out [][3]int
	for _, m := range planPeriodEnd.FindAllStringSubmatchIndex(f, -1) {
		n, ok := cnNumber(f[m[2]:m[3]])
		if !ok {
			continue
		}
		out = append(out, [3]int{m[0], m[1], 2005 + 5*n})
	}
	return out
}
