package plandoc

import (
	"regexp"
	"strings"
)

// A task table often names the task in one column (重点任务, 项目名称) and
// says what exactly is to be done in another (具体措施, 建设内容, 目标任务,
// 整改措施): "加快新型基础设施建设 | 1.新建5G基站300个；2.…". That column
// is the substance a clerk supervises, and its figures are the task's
// targets, so its text belongs to the task. A column of scoring rules
// (评分标准) or remarks (备注) is not one: its figures are how points are
// lost, not goals.

// detailHeader names a column that details the task.
var detailHeader = regexp.MustCompile(`措施|举措|工作内容|任务内容|建设内容|建设规模|建设任务|实施内容|主要内容|具体内容|目标任务|任务目标|工作目标|目标要求|工作要求|预期目标|预期成效|年度目标`)

// detailColumns are the columns of header, with no other role in c, that
// detail the task.
func detailColumns(header []string, c columns) []int {
	taken := map[int]bool{c.seq: true, c.task: true, c.weight: true, c.deadline: true, c.milestones: true, c.count: true}
	for _, uc := range c.units {
		taken[uc.at] = true
	}
	var out []int
	for j, name := range header {
		h := strings.Join(strings.Fields(fold(name)), "")
		if taken[j] || h == "" || len([]rune(h)) > 16 || (j > 0 && name == header[j-1]) {
			continue
		}
		if detailHeader.MatchString(h) && !strings.Contains(h, "评分") {
			out = append(out, j)
		}
	}
	return out
}

// addDetails adds the text of a row's detail cells to t, with their targets.
func addDetails(t *Task, row []string, c columns) {
	for _, j := range c.details {
		v := c.value(row, j)
		if v == "" || strings.Contains(t.Text, v) {
			continue
		}
		t.Text += "\n" + v
		for _, m := range measures(v) {
			for _, tg := range targetsOf(m) {
				if !hasTarget(t.Targets, tg.Text) {
					t.Targets = append(t.Targets, tg)
				}
			}
		}
	}
}

func hasTarget(ts []Target, text string) bool {
	for _, t := range ts {
		if t.Text == text {
			return true
		}
	}
	return false
}

// measures splits a detail cell into its measures, one a line or a ；-clause,
// each without its number (1. （2）), so a target reads as the measure.
func measures(v string) []string {
	var out []string
	for _, ln := range strings.Split(v, "\n") {
		for _, m := range strings.Split(ln, "；") {
			m = trimSpace(m)
			if _, _, n := matchLabel(m); n > 0 && n < len(m) {
				m = trimSpace(m[n:])
			}
			if m != "" {
				out = append(out, m)
			}
		}
	}
	return out
}
