package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// An assessment sheet or a task list often groups its rows by a column to
// the left of the task: 一级指标 "经济发展（40分）" merged down over its 二级
// 指标, or 领域/类别 over the tasks of each field. That column is a level of
// every row's path, as a chapter heading is in a plan written as prose: a
// labelled value (一、组织领导) gives its label, an unlabelled one its
// name without the subtotal.

// groupColumn follows such a column as rows are read; at is -1 when the
// table has none.
type groupColumn struct {
	at   int
	last string
}

var subtotalTail = regexp.MustCompile(`[（(]\s*(?:满分|计|共)?\s*[0-9０-９.．]+\s*分\s*[）)]$`)

// newGroupColumn finds the grouping column among the columns left of the
// task column that have no other role: short values without sentence
// punctuation, each one held over several rows (repeated, or left empty
// below as a CSV export leaves a merged cell), with at least one value
// over two rows or more.
func newGroupColumn(header []string, body [][]string, c columns) groupColumn {
	taken := map[int]bool{c.seq: true, c.weight: true, c.deadline: true, c.milestones: true, c.count: true}
	for _, uc := range c.units {
		taken[uc.at] = true
	}
	for _, j := range c.details {
		taken[j] = true
	}
	for j := 0; j < c.task && j < len(header); j++ {
		if taken[j] || trimSpace(header[j]) == "" || (j+1 < len(c.spanEnd) && c.spanEnd[j] > j+1) {
			continue
		}
		if groupsRows(body, j, c.task) {
			return groupColumn{at: j}
		}
	}
	return groupColumn{at: -1}
}

// groupsRows reports whether column j holds group names over the rows of
// body whose task cell (column task) is filled.
func groupsRows(body [][]string, j, task int) bool {
	held, rows, prev := false, 0, ""
	for _, row := range body {
		if j >= len(row) || task >= len(row) || row[task] == "" || row[task] == row[j] {
			continue
		}
		rows++
		v := row[j]
		switch {
		case v == "" && prev != "", v != "" && v == prev:
			held = true
			continue
		case v == "" || isBareNumber(v) || utf8.RuneCountInString(v) > 24 || strings.ContainsAny(v, "。；;，,"):
			return false
		}
		prev = v
	}
	return held && rows >= 3
}

// level returns the path level of row: the group's label, or its name
// without a subtotal; "" for a table with no group column.
func (g *groupColumn) level(row []string) string {
	if g.at < 0 || g.at >= len(row) {
		return ""
	}
	if v := row[g.at]; v != "" {
		g.last = v
	}
	v := trimSpace(subtotalTail.ReplaceAllString(verticalText(g.last), ""))
	if kind, label, n := matchLabel(v); n > 0 && (kind == kindCN || kind == kindParenCN) {
		return label
	}
	return v
}

// withLevel is prefix followed by level, prefix itself when level is "".
func withLevel(prefix []string, level string) []string {
	if level == "" {
		return prefix
	}
	return append(append([]string{}, prefix...), level)
}

// verticalText undoes the vertical writing of a narrow merged cell, one
// character a line ("会⏎议⏎确⏎认" is 会议确认); other text is returned as is.
func verticalText(v string) string {
	lines := strings.Split(v, "\n")
	if len(lines) < 2 {
		return v
	}
	for _, l := range lines {
		if utf8.RuneCountInString(trimSpace(l)) > 1 {
			return v
		}
	}
	return strings.Join(strings.Fields(strings.Join(lines, " ")), "")
}
