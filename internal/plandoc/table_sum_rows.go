package plandoc

import (
	"regexp"
	"strings"
)

// A project or budget table ends (or closes each group) with a sum row:
// 合计, 小计, 总计 in its first filled cell, the totals of the number
// columns beside it. It adds up the rows above and is not a task, wherever
// the table puts the word (the 序号 cell, or the 项目名称 cell when the table
// has no 序号).

var sumWord = regexp.MustCompile(`^(?:合计|小计|总计|共计|总合计)[：:]?$`)

// sumRow reports whether row is such a row.
func sumRow(row []string) bool {
	v := strings.Join(strings.Fields(groupValue(row)), "")
	return sumWord.MatchString(v)
}
