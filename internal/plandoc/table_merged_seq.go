package plandoc

import "strconv"

// A 序号 cell merged down several rows usually spans one task whose other
// cells run on below it (one task, several measures or steps). But when
// each of those rows has its own task text and its own deadline, the
// number groups several tasks: "1 | 改造背街小巷 | … | 6月底前" over "1 |
// 新增停车泊位 | … | 9月底前" are two things to do, with two deadlines to
// supervise, so they are two tasks numbered 1.1 and 1.2.

// mergedSeqSplits reports whether row, under the same 序号 as prev (the
// row that began the last task), is a task of its own: its task cell and
// its deadline cell are filled and both differ from prev's.
func mergedSeqSplits(row, prev []string, c columns) bool {
	if prev == nil || c.task < 0 || c.deadline < 0 {
		return false
	}
	task, deadline := c.value(row, c.task), c.value(row, c.deadline)
	return task != "" && deadline != "" && task != c.value(prev, c.task) && deadline != c.value(prev, c.deadline)
}

// subPath numbers a task split off under a merged 序号: the task above
// gets the sub-number 1 when it has none yet, and this one the next.
func subPath(tasks []Task, path []string, sub int) ([]string, int) {
	if sub == 0 {
		last := &tasks[len(tasks)-1]
		last.Path = append(append([]string{}, last.Path...), "1")
		sub = 1
	}
	sub++
	return append(path, strconv.Itoa(sub)), sub
}
