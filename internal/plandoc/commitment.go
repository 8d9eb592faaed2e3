package plandoc

import (
	"regexp"
	"strings"
)

// An open-government action plan publishes each commitment as a template
// of its own, often in markdown: one numbered top heading (# 2-3 推动…), a
// few list fields (- 执行期间：2022/01 ~ 2025/06, - 主（协）办机关：…),
// descriptive sections (背景说明, 承诺事项为何？) whose numbered lists explain
// rather than assign, and a checkpoint section (检核点, 里程碑, 衡量指标)
// whose sub-headings are the commitment's milestones, each followed by the
// period it runs in. Such a document is ONE task; commitmentTask reads it.

// milestoneSection is the heading of a commitment's checkpoint section.
var milestoneSection = regexp.MustCompile(`^(?:检核点|检查点|里程碑|关键里程碑|衡量指标|查核点|阶段性?目标|进度指标)`)

// periodField is a list field that gives the commitment's own period.
var periodField = regexp.MustCompile(`^[^：:]{0,12}(?:时间|期间|期程|期限|时程)\s*[：:]`)

// commitmentTask reads a markdown single-commitment template: exactly one
// level-1 heading, numbered, and a checkpoint section under it. ok is false
// for any other document.
func commitmentTask(lines []line, year int) (t Task, heading string, ok bool) {
	top := -1
	for i, l := range lines {
		if l.md != 1 {
			continue
		}
		if top >= 0 {
			return Task{}, "", false // a second top heading: a list of commitments
		}
		top = i
	}
	if top < 0 {
		return Task{}, "", false
	}
	kind, label, n := matchLabel(lines[top].text)
	if kind == "" || n == len(lines[top].text) {
		return Task{}, "", false
	}
	var text, fields []string
	var milestones []Milestone
	section := 0 // level of the checkpoint section heading while inside it
	for i := top + 1; i < len(lines); i++ {
		l := lines[i]
		if l.table != nil || l.text == "" {
			continue
		}
		text = append(text, l.text)
		switch {
		case l.md > 0 && section > 0 && l.md <= section:
			section = 0
		}
		switch {
		case l.md > 0 && milestoneSection.MatchString(l.f):
			section = l.md
		case l.md > section && section > 0:
			milestones = append(milestones, Milestone{Text: strings.TrimRight(l.text, "。．. ")})
		case l.md == 0 && section > 0 && len(milestones) > 0 && milestones[len(milestones)-1].Due == "":
			if ds := dueDates(deadlinesOf(l.text, year)); len(ds) > 0 {
				milestones[len(milestones)-1].Due = ds[len(ds)-1]
				fields = append(fields, l.text)
			}
		case l.md == 0 && section == 0 && periodField.MatchString(l.f):
			fields = append([]string{l.text}, fields...)
		}
	}
	if len(milestones) == 0 {
		return Task{}, "", false
	}
	body := strings.Join(text, "\n")
	t = taskFromText([]string{label}, lines[top].text[n:], year)
	t.Text = body
	t.LeadUnits, t.Units = []string{}, []string{}
	addNotes(&t, notesOf(body))
	t.Deadlines = nonNil(uniqueDue(deadlinesOf(strings.Join(fields, "\n"), year)))
	t.Targets = []Target{}
	t.Milestones = milestones
	return t, lines[top].text, true
}

// uniqueDue keeps each due date once (the commitment's own period often
// ends on the same day as its last milestone).
func uniqueDue(ds []Deadline) []Deadline {
	seen := map[string]bool{}
	var out []Deadline
	for _, d := range ds {
		key := d.Due + "|" + d.Every
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, d)
	}
	return out
}
