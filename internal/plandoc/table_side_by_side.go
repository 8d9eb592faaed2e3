package plandoc

import "strings"

// A sheet sometimes sets two task tables side by side to fit one page:
// "序号 | 城区任务 | 责任单位 | | 序号 | 乡村任务 | 责任单位". Read as one table,
// each row would glue two tasks together. A header row that names 序号 a
// second time, after a task column, starts a second table at that column;
// each half is read on its own, and where the halves number their rows
// alike, each task's path starts with its half's task header.

// sideBySide splits rows at the second 序号 column of their header row;
// ok is false for a table with one 序号 column.
func sideBySide(rows [][]string) (left, right [][]string, ok bool) {
	at, c, found := findHeader(rows)
	if !found {
		return nil, nil, false
	}
	split := -1
	for j, name := range rows[at] {
		if j > c.task && c.task >= 0 && seqHeader.MatchString(strings.Join(strings.Fields(fold(name)), "")) {
			split = j
			break
		}
	}
	if split <= 0 {
		return nil, nil, false
	}
	for _, row := range rows {
		cut := min(split, len(row))
		left = append(left, row[:cut])
		right = append(right, row[cut:])
	}
	if _, _, ok := findHeader(right); !ok {
		return nil, nil, false
	}
	return left, right, true
}

// sideBySideTasks reads both halves of a side-by-side table.
func sideBySideTasks(left, right [][]string, prefix []string, year int) ([]Task, bool) {
	lt, lok := tableTasks(left, prefix, year)
	rt, rok := tableTasks(right, prefix, year)
	if !lok || !rok {
		return append(lt, rt...), lok || rok
	}
	seen := map[string]bool{}
	clash := false
	for _, t := range lt {
		seen[strings.Join(t.Path, "/")] = true
	}
	for _, t := range rt {
		clash = clash || seen[strings.Join(t.Path, "/")]
	}
	if clash {
		labelHalf(lt, left, prefix)
		labelHalf(rt, right, prefix)
	}
	return append(lt, rt...), true
}

// labelHalf puts the half's task header after prefix in each task's path.
func labelHalf(tasks []Task, rows [][]string, prefix []string) {
	at, c, _ := findHeader(rows)
	name := trimSpace(rows[at][c.task])
	for i := range tasks {
		p := append(append([]string{}, prefix...), name)
		tasks[i].Path = append(p, tasks[i].Path[len(prefix):]...)
	}
}
