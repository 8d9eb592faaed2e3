package plandoc

import (
	"regexp"
	"strconv"
	"strings"
)

// column roles of a task table, found by header names.
type columns struct {
	seq, task, weight, deadline, milestones int
	units                                   []unitColumn
	// count is a goal column whose name carries its measure (年度目标（个）,
	// see cell_counts.go), -1 when none.
	count   int
	measure string
	// details are the columns that say what exactly the task does (具体措施,
	// 建设内容, see table_details.go).
	details []int
	// spanEnd[j] is one past the last column that the header cell at j
	// covers: a header merged over three columns heads all three.
	spanEnd []int
	// sub[j] names column j under a header cell merged over several
	// columns (年度目标 over 2025年 | 2026年), nil without a second header
	// row (table_subheader.go).
	sub []string
}

// value is the text under the header at column i: the distinct non-empty
// cells of the header's span, joined in order.
func (c columns) value(row []string, i int) string {
	if i < 0 || i >= len(row) {
		return ""
	}
	end := i + 1
	if i < len(c.spanEnd) {
		end = min(c.spanEnd[i], len(row))
	}
	if end > i+1 && len(c.sub) >= end {
		return c.namedParts(row, i, end)
	}
	var parts []string
	for _, v := range row[i:end] {
		if v != "" && (len(parts) == 0 || parts[len(parts)-1] != v) && !strings.Contains(strings.Join(parts, ""), v) {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "")
}

func headerSpans(header []string) []int {
	ends := make([]int, len(header))
	for j := len(header) - 1; j >= 0; j-- {
		ends[j] = j + 1
		if j+1 < len(header) && header[j+1] == header[j] {
			ends[j] = ends[j+1]
		}
	}
	return ends
}

type unitColumn struct {
	at   int
	lead bool
}

var (
	seqHeader       = regexp.MustCompile(`^(?:序号|编号|序|号)$`)
	unitHeader      = regexp.MustCompile(`单位|部门|处室|责任主体|科室`)
	personHeader    = regexp.MustCompile(`领导|责任人|联系人|经办人`)
	leadHeader      = regexp.MustCompile(`牵头|主要责任|主办|主责`)
	coopHeader      = regexp.MustCompile(`配合|协办|参与|协同`)
	deadlineHeader  = regexp.MustCompile(`时间要求|完成时限|完成时间|时限要求|时间节点|时间安排|完成期限|办结时限|期限|时限|时间`)
	weightHeader    = regexp.MustCompile(`分值|权重|分数|标准分|满分`)
	milestoneHeader = regexp.MustCompile(`进度安排|阶段目标|节点安排|进度要求|主要成果|推进计划`)
)

// taskHeaders name the column that holds the task itself, best first: an
// assessment sheet has both 一级指标 and 考核内容, a task list both 重点任务
// and 工作内容, and the finer-grained column is the task.
var taskHeaders = []string{"重点任务", "工作任务", "主要任务", "具体任务", "任务名称", "任务内容", "改革举措", "改革事项",
	"重点工作", "工作内容", "工作事项", "工作措施", "考核内容", "考核项目", "考核指标", "考评内容", "评价内容", "二级指标",
	"项目名称", "工作项目", "指标名称", "事项", "任务", "举措", "内容", "指标", "项目"}

// taskRank is the place of a header among taskHeaders, len(taskHeaders) when none fits.
func taskRank(header string) int {
	h := strings.Join(strings.Fields(fold(header)), "")
	if h == "" || len([]rune(h)) > 16 {
		return len(taskHeaders)
	}
	for i, name := range taskHeaders {
		if strings.Contains(h, name) {
			return i
		}
	}
	return len(taskHeaders)
}

// findHeader returns the index of a table's header row and its columns;
// ok is false for a table that is not a task table.
func findHeader(rows [][]string) (at int, c columns, ok bool) {
	for i := 0; i < len(rows) && i < 8; i++ {
		c = columns{seq: -1, task: -1, weight: -1, deadline: -1, milestones: -1, count: -1, spanEnd: headerSpans(rows[i])}
		for j, name := range rows[i] {
			h := strings.Join(strings.Fields(fold(name)), "")
			if h == "" || len([]rune(h)) > 16 || (j > 0 && name == rows[i][j-1]) {
				continue
			}
			switch {
			case seqHeader.MatchString(h):
				c.seq = j
			case milestoneHeader.MatchString(h) && c.milestones < 0:
				c.milestones = j
			case unitHeader.MatchString(h) && !personHeader.MatchString(h):
				c.units = append(c.units, unitColumn{at: j, lead: leadHeader.MatchString(h) && !coopHeader.MatchString(h)})
			case deadlineHeader.MatchString(h) && c.deadline < 0:
				c.deadline = j
			case weightHeader.MatchString(h):
				c.weight = j
			case countHeaderRe.MatchString(h) && c.count < 0:
				c.count, c.measure = j, countHeaderRe.FindStringSubmatch(h)[1]
			case c.task < 0 && taskRank(h) < len(taskHeaders), c.task >= 0 && taskRank(h) < taskRank(rows[i][c.task]):
				c.task = j
			}
		}
		if c.task >= 0 && (c.seq >= 0 || len(c.units) > 0 || c.deadline >= 0) {
			c.details = detailColumns(rows[i], c)
			return i, c, true
		}
	}
	return 0, c, false
}

// tableTasks reads the rows of a task table as tasks whose paths start
// with prefix. Rows that repeat the header, group other rows (one value
// across the row) or continue the row above (a merged 序号) are folded in.
func tableTasks(rows [][]string, prefix []string, year int) ([]Task, bool) {
	if left, right, ok := sideBySide(rows); ok {
		return sideBySideTasks(left, right, prefix, year)
	}
	at, c, ok := findHeader(rows)
	if !ok {
		return nil, false
	}
	header := strings.Join(rows[at], "|")
	if at+1 < len(rows) && subHeader(rows[at], rows[at+1], c) {
		c = deadlinePart(splitUnitColumns(c, rows[at+1]), rows[at+1])
		c.sub = rows[at+1]
		at++
	}
	gc := newGroupColumn(rows[at], rows[at+1:], c)
	var tasks []Task
	var groups tableGroups
	lastSeq := ""
	var prevRow []string // the row that began the last task
	sub := 0             // rows split off under one merged 序号 so far
	for _, row := range rows[at+1:] {
		if strings.Join(row, "|") == header {
			continue
		}
		if nc, ok := restartedHeader(row, header); ok {
			// A second table under the first on the same sheet: its own
			// header gives its own columns.
			c, header, lastSeq, gc = nc, strings.Join(row, "|"), "", groupColumn{at: -1}
			continue
		}
		if sumRow(row) {
			continue
		}
		if v, ok := numberedGroupRow(row, c); ok {
			if groups.enter(v) {
				lastSeq = ""
			}
			continue
		}
		if isGroupRow(row) {
			if groups.enter(groupValue(row)) {
				lastSeq = "" // a row under a new group continues no row above it
			}
			continue
		}
		taskText := c.value(row, c.task)
		seq := strings.TrimRight(wholeSeq(c.value(row, c.seq)), ".、．")
		if c.seq >= 0 && seq == "" && taskText == "" && len(tasks) > 0 && continuesTask(row, c) {
			// A table saved as CSV keeps a merged 序号 and task cell in
			// their first row only: the rows below them continue the task.
			mergeRow(&tasks[len(tasks)-1], row, c, year)
			continue
		}
		if taskText == "" {
			continue
		}
		if c.seq >= 0 && !isBareNumber(seq) {
			continue // a note or sign-off row
		}
		if c.seq < 0 {
			seq = strconv.Itoa(len(tasks) + 1)
		}
		if seq == lastSeq && len(tasks) > 0 && !mergedSeqSplits(row, prevRow, c) {
			mergeRow(&tasks[len(tasks)-1], row, c, year)
			continue
		}
		path := groups.path(withLevel(prefix, gc.level(row)), asciiDigits(seq))
		if seq == lastSeq && len(tasks) > 0 {
			path, sub = subPath(tasks, path, sub)
		} else {
			sub = 0
		}
		lastSeq, prevRow = seq, row
		t := taskFromText(path, taskText, year)
		if len(c.units) > 0 {
			t.Units, t.LeadUnits = []string{}, []string{} // the unit columns say who, not the prose
		}
		mergeRow(&t, row, c, year)
		tasks = append(tasks, t)
		groups.read()
	}
	groups.labelRestarts(tasks)
	return tasks, len(tasks) > 0
}

func mergeDeadlines(have, more []Deadline) []Deadline {
	for _, d := range more {
		dup := false
		for _, h := range have {
			if h.Due == d.Due && h.Every == d.Every {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, d)
		}
	}
	return have
}

func hasMilestone(list []Milestone, text string) bool {
	for _, m := range list {
		if m.Text == text {
			return true
		}
	}
	return false
}

// joinContinuations appends to a task table the header-less tables that
// continue it (Word splits a long table where a page or a section breaks),
// widening their rows to the header's merged layout when they are narrower.
func joinContinuations(lines []line) []line {
	var out []line
	last := -1 // index in out of the last task table
	for _, l := range lines {
		if l.table == nil {
			out = append(out, l)
			if l.text != "" {
				last = -1
			}
			continue
		}
		if last >= 0 && continues(out[last].table, l.table) {
			out[last].table = append(out[last].table, widen(out[last].table, l.table)...)
			continue
		}
		out = append(out, l)
		last = -1
		if _, _, ok := findHeader(l.table); ok {
			last = len(out) - 1
		}
	}
	return out
}

func continues(prev, next [][]string) bool {
	if len(next) == 0 {
		return false
	}
	if _, _, ok := findHeader(next); ok {
		return false
	}
	at, _, _ := findHeader(prev)
	w := len(next[0])
	return isBareNumber(strings.TrimRight(next[0][0], ".、．")) && (w == len(prev[at]) || w == len(distinct(prev[at])))
}

// widen lays the rows of a continuation out like the header of prev: a
// header cell merged over k columns stands for k cells of each row.
func widen(prev, rows [][]string) [][]string {
	at, _, _ := findHeader(prev)
	header := prev[at]
	if len(rows[0]) == len(header) {
		return rows
	}
	spans := headerSpans(header)
	var out [][]string
	for _, r := range rows {
		var wide []string
		k := 0
		for j := 0; j < len(header) && k < len(r); {
			for x := j; x < spans[j]; x++ {
				wide = append(wide, r[k])
			}
			j = spans[j]
			k++
		}
		out = append(out, wide)
	}
	return out
}

// distinct drops adjacent repeats: the header as it was before merged
// cells were spread over the columns they cover.
func distinct(cells []string) []string {
	var out []string
	for i, c := range cells {
		if i == 0 || c != cells[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// isGroupRow reports a row whose non-empty cells all hold one value: a
// section heading merged across the table (硬件维护项目).
func isGroupRow(row []string) bool {
	val := ""
	for _, v := range row {
		if v == "" {
			continue
		}
		if val != "" && v != val {
			return false
		}
		val = v
	}
	return val != "" && len(row) > 1
}

// continuesTask reports a row with something in it whose unit cells hold
// units (or nothing): not a sign-off row (…办公室 / 2018年8月28日印发).
func continuesTask(row []string, c columns) bool {
	for _, uc := range c.units {
		if v := c.value(row, uc.at); v != "" && !unitLine(strings.ReplaceAll(v, "\n", "、")) {
			return false
		}
	}
	for _, v := range row {
		if v != "" {
			return true
		}
	}
	return false
}
